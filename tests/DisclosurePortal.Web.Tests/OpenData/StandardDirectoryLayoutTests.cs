using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Web.Features.OpenData;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace DisclosurePortal.Web.Tests.OpenData;

/// <summary>The 标准目录 layout on made-up items (no database): sections, numbering, the merged 一级事项.</summary>
public sealed class StandardDirectoryLayoutTests
{
    [Fact]
    public void LevelOneNames_AreMergedDownTheirLevelTwoRows_AndNumberingRestartsPerDomain()
    {
        var items = new[]
        {
            Item(1, "finance", "财政预决算", "县级预算", "一般公共预算"),
            Item(2, "finance", "财政预决算", "县级预算", "政府性基金预算"),
            Item(3, "finance", "财政预决算", "部门预算", "部门预算公开"),
            Item(4, "relief", "救灾", "救灾资金", "资金分配"),
        };
        using var document = SpreadsheetDocument.Open(new MemoryStream(StandardDirectoryWorkbook.Build("测试局", items)), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cells = worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "");
        var merges = worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();

        Assert.Equal("一、财政预决算领域", cells["A4"]);
        Assert.Equal(["1", "县级预算", "一般公共预算"], new[] { cells["A5"], cells["B5"], cells["C5"] });
        Assert.Equal(["2", "", "政府性基金预算"], new[] { cells["A6"], cells["B6"], cells["C6"] });
        Assert.Contains("B5:B6", merges);
        Assert.Equal(["3", "部门预算"], new[] { cells["A7"], cells["B7"] });
        Assert.DoesNotContain(merges, m => m.StartsWith("B7", StringComparison.Ordinal));
        Assert.Equal("二、救灾领域", cells["A8"]);
        Assert.Equal(["1", "救灾资金"], new[] { cells["A9"], cells["B9"] });
        Assert.Equal("'测试局'!$2:$3".Replace("测试局", StandardDirectoryWorkbook.SheetName, StringComparison.Ordinal),
            document.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>().Single(d => d.Name == "_xlnm.Print_Titles").Text);
    }

    [Theory]
    [InlineData("短", 10, 1)]
    [InlineData("一二三四五六七八九十", 10, 3)] // 20 units over 8.5 a line
    [InlineData("abcdefgh", 10, 1)]
    [InlineData("第一行\n第二行", 36, 2)]
    public void LinesNeeded_CountsCjkAsTwoUnits(string text, double width, int lines) =>
        Assert.Equal(lines, StandardDirectoryWorkbook.LinesNeeded(text, width));

    private static CatalogueExportRow Item(int id, string domainCode, string domain, string level1, string level2) => new(
        id, "测试局", domainCode, domain, "决策", level1, level2, "内容", "依据", "20个工作日内", DisclosureMethod.Proactive,
        DisclosureChannels.GovernmentWebsite | DisclosureChannels.NoticeBoard, Audience.Public, AdministrativeLevel.County, UpdateFrequency.RealTime,
        DateTimeOffset.UnixEpoch);
}
