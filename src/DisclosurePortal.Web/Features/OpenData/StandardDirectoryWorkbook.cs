using System.Globalization;
using DisclosurePortal.Web.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DisclosurePortal.Web.Features.OpenData;

/// <summary>
/// A department's 标准目录 as an .xlsx in the layout of the 26 domain guidelines (国办发〔2019〕54号 and the domain
/// standards): a title row; two header rows with 一级事项 and 二级事项 under a merged 公开事项; then, domain by domain,
/// a section row and one row per catalogue item, numbered within the domain, the 一级事项 merged down its 二级事项.
/// </summary>
public static class StandardDirectoryWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "标准目录";
    public const int FirstItemRow = 4;

    /// <summary>The columns A–K; <see cref="SubHeaders"/> sit under the merged 公开事项 (B–C).</summary>
    public static readonly string[] Headers =
    [
        "序号", "公开事项", "", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
        "公开对象（全社会/特定群体）", "公开方式（主动/依申请）", "公开层级（县级/乡级）",
    ];

    public static readonly string[] SubHeaders = ["", "一级事项", "二级事项", "", "", "", "", "", "", "", ""];

    private static readonly double[] Widths = [6, 14, 20, 36, 36, 22, 18, 22, 14, 12, 12];
    private const double LineHeight = 14.4; // points, for the 11-point body font

    // Cell formats, in the order StyleSheet() declares them.
    private const uint TitleStyle = 1, HeaderStyle = 2, SectionStyle = 3, BodyStyle = 4, CenteredStyle = 5;

    public static string Title(string departmentName) => $"{departmentName}政务公开标准目录";

    /// <summary>The domain's section row: 一、城乡规划领域.</summary>
    public static string SectionTitle(int index, string domainName) => $"{ChineseNumeral(index)}、{domainName}领域";

    public static byte[] Build(string departmentName, IReadOnlyList<CatalogueExportRow> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = StyleSheet();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

            var data = new SheetData();
            var merges = new List<string>();
            var last = Column(Headers.Length - 1);

            data.Append(Row(1, Enumerable.Range(0, Headers.Length).Select(i => i == 0 ? Title(departmentName) : ""), TitleStyle, height: 32));
            merges.Add($"A1:{last}1");
            data.Append(Row(2, Headers, HeaderStyle, height: 24));
            data.Append(Row(3, SubHeaders, HeaderStyle, height: 24));
            merges.Add("B2:C2");
            merges.AddRange(Enumerable.Range(0, Headers.Length).Where(i => i is not (1 or 2)).Select(i => $"{Column(i)}2:{Column(i)}3"));

            var rowIndex = (uint)FirstItemRow;
            var domainIndex = 0;
            foreach (var domain in items.GroupBy(i => i.DomainCode))
            {
                var section = domain.First().DomainName;
                data.Append(Row(rowIndex, Enumerable.Range(0, Headers.Length).Select(i => i == 0 ? SectionTitle(++domainIndex, section) : ""), SectionStyle, height: 20));
                merges.Add($"A{rowIndex}:{last}{rowIndex}");
                rowIndex++;
                var number = 0;
                var levelOneStart = rowIndex;
                string? levelOne = null;
                foreach (var item in domain)
                {
                    if (item.NameLevel1 != levelOne)
                    {
                        if (rowIndex - levelOneStart > 1) merges.Add($"B{levelOneStart}:B{rowIndex - 1}");
                        levelOne = item.NameLevel1;
                        levelOneStart = rowIndex;
                    }
                    var first = rowIndex == levelOneStart;
                    data.Append(ItemRow(rowIndex++, ++number, item, first));
                }
                if (rowIndex - levelOneStart > 1) merges.Add($"B{levelOneStart}:B{rowIndex - 1}");
            }

            var worksheet = new Worksheet(
                new SheetProperties(new PageSetupProperties { FitToPage = true }),
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 3, TopLeftCell = "A4", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { WorkbookViewId = 0 }),
                new Columns(Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                data,
                new MergeCells(merges.Select(m => new MergeCell { Reference = m })),
                new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            sheetPart.Worksheet = worksheet;

            workbookPart.Workbook = new Workbook(
                new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }),
                // Printed, every page repeats the two header rows.
                new DefinedNames(new DefinedName($"'{SheetName}'!$2:$3") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
            document.PackageProperties.Title = Title(departmentName);
            document.PackageProperties.Creator = departmentName;
        }
        return stream.ToArray();
    }

    private static Row ItemRow(uint rowIndex, int number, CatalogueExportRow item, bool firstOfLevelOne)
    {
        var values = new[]
        {
            number.ToString(CultureInfo.InvariantCulture), firstOfLevelOne ? item.NameLevel1 : "", item.NameLevel2, item.Content,
            item.Basis, item.TimeLimitText, item.DepartmentName, string.Join("、", Labels.Of(item.Channels)),
            Labels.Of(item.Audience), Labels.Of(item.Method), Labels.Of(item.Level),
        };
        // Spreadsheets do not grow a row to fit wrapped text on opening: the height is set from the longest cell.
        var lines = values.Select((v, i) => LinesNeeded(v, Widths[i])).Max();
        var row = new Row { RowIndex = rowIndex, Height = Math.Max(1, lines) * LineHeight + 4, CustomHeight = true };
        for (var i = 0; i < values.Length; i++)
        {
            var style = i is 0 or 8 or 9 or 10 ? CenteredStyle : BodyStyle;
            row.Append(i == 0
                ? new Cell { CellReference = $"A{rowIndex}", DataType = CellValues.Number, CellValue = new CellValue(number), StyleIndex = style }
                : TextCell($"{Column(i)}{rowIndex}", values[i], style));
        }
        return row;
    }

    /// <summary>Lines a text wraps to in a column: a CJK or full-width character is two units of the width, others one.</summary>
    internal static int LinesNeeded(string text, double columnWidth)
    {
        var perLine = Math.Max(1, columnWidth - 1.5);
        var lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            var units = paragraph.Sum(c => c >= 0x2E80 ? 2 : 1);
            lines += Math.Max(1, (int)Math.Ceiling(units / perLine));
        }
        return lines;
    }

    private static Row Row(uint rowIndex, IEnumerable<string> values, uint style, double? height = null)
    {
        var row = new Row { RowIndex = rowIndex };
        if (height is { } h) { row.Height = h; row.CustomHeight = true; }
        var i = 0;
        foreach (var value in values) row.Append(TextCell($"{Column(i++)}{rowIndex}", value, style));
        return row;
    }

    private static Cell TextCell(string reference, string value, uint style) => value.Length == 0
        ? new Cell { CellReference = reference, StyleIndex = style }
        : new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(XmlChars.Safe(value)) { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = style,
        };

    private static string Column(int index) => ((char)('A' + index)).ToString();

    private static string ChineseNumeral(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n % 10],
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static Stylesheet StyleSheet()
    {
        static Border Thin() => new(
            new LeftBorder(new Color { Rgb = "FF000000" }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Rgb = "FF000000" }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Rgb = "FF000000" }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Rgb = "FF000000" }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        static Font Font(double size, bool bold)
        {
            var font = new Font();
            if (bold) font.Append(new Bold());
            font.Append(new FontSize { Val = size }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 });
            return font;
        }
        static Alignment Align(HorizontalAlignmentValues horizontal, VerticalAlignmentValues vertical) =>
            new() { Horizontal = horizontal, Vertical = vertical, WrapText = true };

        return new Stylesheet(
            new Fonts(Font(11, false), Font(11, true), Font(16, true)),
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2DCDB" }) { PatternType = PatternValues.Solid })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin()),
            new CellFormats(
                new CellFormat(),
                new CellFormat(Align(HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center)) { FontId = 2, ApplyFont = true, ApplyAlignment = true },
                new CellFormat(Align(HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center)) { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(Align(HorizontalAlignmentValues.Left, VerticalAlignmentValues.Center)) { FontId = 1, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(Align(HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top)) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(Align(HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top)) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true }));
    }
}
