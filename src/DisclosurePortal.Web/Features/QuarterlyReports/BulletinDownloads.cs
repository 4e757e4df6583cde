using System.Globalization;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Features.AnnualReports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DisclosurePortal.Web.Features.QuarterlyReports;

/// <summary>
/// A published 按季通报 as .xlsx and .docx (docs/adr/0036), from its frozen numbers, with the annual report's writers
/// (<see cref="ReportDownloads"/>): the table of units ("单位, numbers…", as on the page), then each unit's details.
/// </summary>
public static class BulletinDownloads
{
    public static readonly string[] UnitColumns = ["排名", "应发", "按时", "逾期", "缺失", "未到期", "按时率", "政策解读按时", "政策解读逾期", "政策解读缺失", "申请按时答复", "申请逾期答复", "申请超期未答复"];

    public static readonly string[] DetailColumns = ["单位", "领域", "环节", "应发", "按时", "逾期", "缺失", "未到期"];

    public static string Rate(decimal? rate) => rate is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The units' lines: the unit's name, then <see cref="UnitColumns"/>; the total last, named 合计.</summary>
    public static IEnumerable<(string Label, string[] Cells)> UnitLines(QuarterSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        foreach (var u in s.Units)
            yield return (u.Name, Cells(u.Rank > 0 ? N(u.Rank) : "—", u.Records, u.Interpretations, u.Applications));
        yield return ("合计", Cells("", s.TotalRecords, s.TotalInterpretations, s.TotalApplications));

        static string[] Cells(string rank, TimelinessCounts r, TimelinessCounts i, TimelinessCounts a) =>
            [rank, N(r.Due), N(r.OnTime), N(r.Late), N(r.Missing), N(r.NotYetDue), Rate(r.OnTimeRate), N(i.OnTime), N(i.Late), N(i.Missing), N(a.OnTime), N(a.Late), N(a.Missing)];
    }

    /// <summary>Each unit's lines by domain and stage: <see cref="DetailColumns"/>.</summary>
    public static IEnumerable<string[]> DetailLines(QuarterSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        foreach (var u in s.Units)
            foreach (var st in u.Stages)
                yield return [u.Name, st.DomainZh, st.StageZh, N(st.Counts.Due), N(st.Counts.OnTime), N(st.Counts.Late), N(st.Counts.Missing), N(st.Counts.NotYetDue)];
    }

    public static byte[] Xlsx(string title, QuarterSnapshot s)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            void Sheet(uint id, string name, IEnumerable<Row> rows)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var row in rows) data.Append(row);
                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
            }
            IEnumerable<Row> Units()
            {
                uint r = 1;
                yield return ReportDownloads.Row(r++, [title], []);
                yield return ReportDownloads.Row(r++, [$"数据截至{s.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"], []);
                yield return ReportDownloads.Row(r++, ["单位"], UnitColumns);
                foreach (var (label, cells) in UnitLines(s)) yield return ReportDownloads.Row(r++, [label], cells);
            }
            IEnumerable<Row> Details()
            {
                uint r = 1;
                yield return ReportDownloads.Row(r++, DetailColumns, []);
                foreach (var line in DetailLines(s)) yield return ReportDownloads.Row(r++, line[..3], line[3..]);
            }
            Sheet(1, "各单位", Units());
            Sheet(2, "明细", Details());
        }
        return stream.ToArray();
    }

    public static byte[] Docx(string title, string? comment, QuarterSnapshot s)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new W.Body();
            ReportDownloads.Paragraph(body, title);
            ReportDownloads.Paragraph(body, $"数据截至{s.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            ReportDownloads.Paragraph(body, "一、通报意见");
            ReportDownloads.Paragraph(body, comment);
            ReportDownloads.Paragraph(body, "二、各单位按时发布情况");
            body.Append(Table([["单位", .. UnitColumns], .. UnitLines(s).Select(l => (string[])[l.Label, .. l.Cells])]));
            ReportDownloads.Paragraph(body, "三、各单位分领域分环节情况");
            body.Append(Table([DetailColumns, .. DetailLines(s)]));
            main.Document = new W.Document(body);
        }
        return stream.ToArray();
    }

    private static W.Table Table(IEnumerable<string[]> rows)
    {
        var table = new W.Table(new W.TableProperties(new W.TableBorders(
            new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 })));
        foreach (var cells in rows)
        {
            var row = new W.TableRow();
            foreach (var c in cells) row.Append(new W.TableCell(new W.Paragraph(new W.Run(new W.Text(Infrastructure.XmlChars.Safe(c))))));
            table.Append(row);
        }
        return table;
    }
}
