using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Tests.Infrastructure;
using static DisclosurePortal.Web.Tests.Apply.ApplySupport;

namespace DisclosurePortal.Web.Tests.Apply;

/// <summary>The statutory procedure of an application (条例 Arts. 27–42, 51) drawn as a flowchart on /apply and /guide (issue 20 §5).</summary>
public abstract partial class ProcedureFlowchartTests(PortalFactory factory)
{
    private static readonly int Steps = ApplicationProcedure.Flowchart(FeeTiers.StateCouncil2020).Steps.Count;

    private async Task<IElement> FigureAsync(string url)
    {
        var (response, doc) = await Html.GetAsync(Client(WithRoomyLimits(factory)), url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(doc.QuerySelectorAll("main figure.flowchart"));
    }

    [Theory]
    [InlineData("/apply")]
    [InlineData("/guide")]
    public async Task Page_ShowsTheProcedure_AsAnSvgAndAnOrderedListOfTheStatutorySteps(string url)
    {
        var figure = await FigureAsync(url);

        var svg = Assert.Single(figure.QuerySelectorAll("svg"));
        Assert.Equal("img", svg.GetAttribute("role"));
        var title = figure.QuerySelector("#" + svg.GetAttribute("aria-labelledby"))!;
        Assert.Equal("title", title.LocalName);
        Assert.Contains("依申请公开办理流程", title.TextContent, StringComparison.Ordinal);
        Assert.Contains("步骤列表", title.TextContent, StringComparison.Ordinal);
        Assert.Equal(Steps, svg.QuerySelectorAll("g.flow-step").Length);
        Assert.Equal(Steps - 1, svg.QuerySelectorAll("line.flow-arrow").Length);

        var items = figure.QuerySelectorAll("ol.flow-steps > li");
        Assert.Equal(Steps, items.Length);
        Assert.StartsWith("申请人", items[0].TextContent, StringComparison.Ordinal);
        var list = figure.QuerySelector("ol.flow-steps")!.TextContent;
        foreach (var point in new[] { "7个工作日内一次性告知", "第三方15个工作日内提出意见", "20个工作日内答复", "最长不超过20个工作日",
                     "每月申请超过10件的", "不予公开的：告知并说明理由", "60日内", "条例第三十条", "条例第三十三条、第三十六条、第三十七条", "条例第五十一条" })
            Assert.Contains(point, list, StringComparison.Ordinal);
        // The reply's alternatives (条例 Art. 36) are a list inside its step, not steps of their own.
        Assert.Equal(8, figure.QuerySelectorAll("ol.flow-steps > li:nth-child(6) > ul.flow-alternatives > li").Length);
        // The CSP forbids inline styles: the chart uses presentation attributes only.
        Assert.Empty(figure.QuerySelectorAll("[style], style, script"));
    }

    [Fact]
    public async Task ApplyPage_KeepsTheFormFirst_TheChartFoldedInADetails()
    {
        var (_, doc) = await Html.GetAsync(Client(WithRoomyLimits(factory)), "/apply");
        var details = doc.QuerySelector("main details.flow-details")!;
        Assert.Null(details.GetAttribute("open"));
        Assert.Equal("办理流程（流程图）", details.QuerySelector("summary")!.TextContent.Trim());
        Assert.NotNull(details.QuerySelector("figure.flowchart"));
    }

    [Theory]
    [InlineData("/apply?culture=en")]
    [InlineData("/guide?culture=en")]
    public async Task EnglishPage_TranslatesEveryStep(string url)
    {
        var figure = await FigureAsync(url);
        var list = figure.QuerySelector("ol.flow-steps")!.TextContent;
        Assert.DoesNotMatch(Cjk(), list);
        Assert.DoesNotMatch(Cjk(), figure.QuerySelector("svg")!.TextContent);
        Assert.Contains("within 20 working days of receipt", list, StringComparison.Ordinal);
        Assert.Contains("Regulations Art. 30", list, StringComparison.Ordinal);
        Assert.Contains("8 steps", figure.QuerySelector("svg title")!.TextContent, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();
}

public sealed class ProcedureFlowchartOnSqlite(SqlitePortal factory) : ProcedureFlowchartTests(factory), IClassFixture<SqlitePortal>;

public sealed class ProcedureFlowchartOnPostgres(PostgresPortal factory) : ProcedureFlowchartTests(factory), IClassFixture<PostgresPortal>;

/// <summary>The line breaking of <see cref="FlowchartTagHelper"/>: no line wider than the box, words and punctuation kept.</summary>
public sealed class FlowchartWrapTests
{
    [Fact]
    public void ChineseText_BreaksBetweenCharacters_WithinTheWidth()
    {
        var lines = FlowchartTagHelper.Wrap("能当场答复的当场答复；否则收到申请之日起20个工作日内答复", 130, 13);
        Assert.All(lines, l => Assert.True(l.Length <= 11, l));
        Assert.Equal("能当场答复的当场答复；否则收到申请之日起20个工作日内答复", string.Concat(lines));
        Assert.DoesNotContain(lines, l => l.StartsWith('；'));
    }

    [Fact]
    public void EnglishText_KeepsWordsWhole()
    {
        var lines = FlowchartTagHelper.Wrap("Reconsideration within 60 days of learning of the reply", 120, 13);
        Assert.True(lines.Count > 1);
        Assert.Equal("Reconsideration within 60 days of learning of the reply", string.Join(" ", lines));
    }
}
