using System.Globalization;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Features.Search;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Features.Statistics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;

namespace DisclosurePortal.Web.Tests.Search;

/// <summary>The public pages' filter records read straight from a query string: what they accept and how they refuse.</summary>
public sealed class SearchRequestTests
{
    private static (T Filter, QueryProblem? Problem) Read<T>(string query) where T : IQueryFilter<T>
    {
        var values = new QueryStringValueProvider(BindingSource.Query, new QueryCollection(QueryHelpers.ParseQuery(query)), CultureInfo.InvariantCulture);
        var reader = new QueryReader(values);
        return (T.Read(reader), reader.Problem);
    }

    [Fact]
    public void Search_WithoutQ_IsTheEmptyForm_AndABlankQIsASearch()
    {
        Assert.False(Read<SearchRequest>("?kind=zz").Filter.Asked);
        var (blank, _) = Read<SearchRequest>("?q=");
        Assert.True(blank.Asked);
        Assert.Equal("请输入要搜索的关键词。", blank.Errors["q"]);
    }

    [Fact]
    public void Search_ReadsKindValidityDatesAndSort()
    {
        var (search, problem) = Read<SearchRequest>("?q=危房&kind=1&validity=1&from=2025-01-01&to=2025-06-30&sort=date&page=2");
        Assert.Null(problem);
        Assert.Empty(search.Errors);
        Assert.Equal((RecordKind)1, search.Filters.RecordKind);
        Assert.Equal(new DateOnly(2025, 6, 30), search.Filters.PublishedTo);
        Assert.Equal(2, search.Page);
        Assert.Equal("危房", search.Terms!.Text);
    }

    [Fact]
    public void Search_RefusedFields_AreExplainedBesideThem_NotOnTheProblemPage()
    {
        var (search, problem) = Read<SearchRequest>("?q=危房&kind=zz&validity=9&from=2025-13-01&sort=z");
        Assert.Null(problem);
        Assert.Equal("信息类别筛选条件无效。", search.Errors["kind"]);
        Assert.Equal("有效性筛选条件无效。", search.Errors["validity"]);
        Assert.Equal("日期应写作“年-月-日”，例如 2025-06-30。", search.Errors["from"]);
        Assert.Equal("排序方式无效。", search.Errors["sort"]);
        Assert.Equal("2025-13-01", search.Form.From);
        Assert.Equal("截止日期不能早于起始日期。", Read<SearchRequest>("?q=危房&from=2025-02-01&to=2025-01-01").Filter.Errors["to"]);
    }

    [Fact]
    public void Search_ABadPage_IsTheProblemPage()
    {
        var problem = Read<SearchRequest>("?q=危房&page=abc").Problem;
        Assert.Equal(400, problem?.Status);
        Assert.Equal("页码应为 1 到 {0} 之间的整数。", problem?.Message);
    }

    [Theory]
    [InlineData("?after=20250101-5&before=20250101-4")]
    [InlineData("?after=zzz")]
    public void Listing_WithABadCursor_IsRefused(string query)
    {
        var problem = Read<ListingQuery>(query).Problem;
        Assert.Equal(400, problem?.Status);
        Assert.Equal("翻页参数有误，请从第 1 页重新翻页。", problem?.Message);
    }

    [Fact]
    public void Listing_ReadsThePageAndTheCursor()
    {
        var (listing, problem) = Read<ListingQuery>("?page=3&after=20250101-5");
        Assert.Null(problem);
        Assert.Equal(3, listing.Request.Page);
        Assert.Equal(new ListingKey(new DateOnly(2025, 1, 1), 5), listing.Request.After);
    }

    [Theory]
    [InlineData("", StatisticsController.DefaultMonths)]
    [InlineData("?months=", StatisticsController.DefaultMonths)]
    [InlineData("?months=24", 24)]
    public void Statistics_Months_DefaultAndRange(string query, int months)
    {
        var (filter, problem) = Read<StatisticsQuery>(query);
        Assert.Null(problem);
        Assert.Equal(months, filter.Months);
    }

    [Theory]
    [InlineData("?months=0")]
    [InlineData("?months=25")]
    [InlineData("?months=x")]
    public void Statistics_MonthsOutOfRange_AreRefused(string query) =>
        Assert.Equal("月数应为 1 到 {0} 之间的整数。", Read<StatisticsQuery>(query).Problem?.Message);
}
