using System.Globalization;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DisclosurePortal.Web.Features.AnnualReports;

/// <summary>
/// The published report as .xlsx and .docx (DocumentFormat.OpenXml), from the same frozen numbers and the same row
/// labels as the page. Every line is "label, numbers…" so that the files read the same way as the HTML tables.
/// </summary>
public static class ReportDownloads
{
    /// <summary>The lines of the three tables: a label and its cells, with a heading line before each table.</summary>
    public static IEnumerable<(string Label, string[] Cells)> Lines(AnnualReportTables t)
    {
        ArgumentNullException.ThrowIfNull(t);
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        yield return ("二、主动公开政府信息情况", ["本年制发件数", "本年废止件数", "现行有效件数"]);
        yield return ("规章", [N(t.Regulations.Issued), N(t.Regulations.Repealed), N(t.Regulations.InForce)]);
        yield return ("行政规范性文件", [N(t.NormativeDocuments.Issued), N(t.NormativeDocuments.Repealed), N(t.NormativeDocuments.InForce)]);
        yield return ("行政许可（本年处理决定数量）", [N(t.Figures.Licensing)]);
        yield return ("行政处罚（本年处理决定数量）", [N(t.Figures.Penalty)]);
        yield return ("行政强制（本年处理决定数量）", [N(t.Figures.Coercion)]);
        yield return ("行政事业性收费（本年收费金额，万元）", [t.Figures.FeesTenThousandYuan.ToString("0.00", CultureInfo.InvariantCulture)]);
        yield return ("三、收到和处理政府信息公开申请情况", ReportLayout.ApplicantColumns);
        foreach (var line in ReportLayout.ApplicationLines)
            yield return (line.FullLabel, [.. Enumerable.Range(0, ReportLayout.ApplicantColumns.Length).Select(i => N(t.Cell(line.Row, i)))]);
        yield return ("四、政府信息公开行政复议、行政诉讼情况", ReportLayout.ReviewColumns);
        var t4 = t.Figures.Table4();
        for (var g = 0; g < 3; g++)
            yield return (ReportLayout.ReviewGroups[g], [.. t4.Skip(g * 5).Take(5).Select(N)]);
        yield return ("六、本年度收取信息处理费（元）", [t.ProcessingFeesYuan.ToString("0.00", CultureInfo.InvariantCulture)]);
    }

    public static byte[] Xlsx(string title, AnnualReportTables t)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 1;
            data.Append(Row(r++, [title], []));
            foreach (var (label, cells) in Lines(t))
                data.Append(Row(r++, [label], cells));
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "年度报告" }));
        }
        return stream.ToArray();
    }

    /// <summary>A spreadsheet row: text cells, then cells that are numbers when they read as one (shared with the 按季通报).</summary>
    internal static Row Row(uint index, string[] texts, string[] cells)
    {
        var row = new Row { RowIndex = index };
        foreach (var text in texts) row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(XmlChars.Safe(text))) });
        foreach (var c in cells)
            row.Append(decimal.TryParse(c, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
                ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(c) }
                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(XmlChars.Safe(c))) });
        return row;
    }

    public static byte[] Docx(string title, string? overview, string? problems, string? otherMatters, AnnualReportTables t)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new W.Body();
            Paragraph(body, title);
            Paragraph(body, "一、总体情况");
            Paragraph(body, overview);
            W.Table? table = null;
            foreach (var (label, cells) in Lines(t))
            {
                if (label.StartsWith("二、", StringComparison.Ordinal) || label.StartsWith("三、", StringComparison.Ordinal) || label.StartsWith("四、", StringComparison.Ordinal) || label.StartsWith("六、", StringComparison.Ordinal))
                {
                    if (label.StartsWith("六、", StringComparison.Ordinal))
                    {
                        Paragraph(body, "五、存在的主要问题及改进情况");
                        Paragraph(body, problems);
                        Paragraph(body, "六、其他需要报告的事项");
                    }
                    else
                    {
                        Paragraph(body, label);
                    }
                    table = new W.Table(new W.TableProperties(new W.TableBorders(
                        new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
                        new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
                        new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 })));
                    body.Append(table);
                }
                var row = new W.TableRow(new W.TableCell(new W.Paragraph(new W.Run(new W.Text(label.StartsWith("六、", StringComparison.Ordinal) ? "本年度收取信息处理费（元）" : label))))) ;
                foreach (var c in cells) row.Append(new W.TableCell(new W.Paragraph(new W.Run(new W.Text(c)))));
                table!.Append(row);
            }
            Paragraph(body, otherMatters);
            main.Document = new W.Document(body);
        }
        return stream.ToArray();
    }

    // Stored text may hold characters XML cannot carry (a \v pasted from Word before input refused them): the
    // writer would throw on them, and the published report would fail to download for ever (issue 15).
    internal static void Paragraph(W.Body body, string? text)
    {
        foreach (var p in XmlChars.Safe(text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            body.Append(new W.Paragraph(new W.Run(new W.Text(p))));
    }
}
