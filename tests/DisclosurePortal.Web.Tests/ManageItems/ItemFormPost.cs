using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.ManageItems;

/// <summary>
/// The catalogue item form as a browser would post it: every element filled in (a unique name per test, since the
/// class fixture's database is shared), channels as repeated checkbox values. Tests change single fields.
/// </summary>
public sealed class ItemFormPost
{
    public const string DomainCode = "rural-dilapidated-housing";
    public const string DomainName = "农村危房改造";
    public const string StageCode = "execution";
    public const string StageName = "执行";

    public ItemFormPost(int domainId, int stageId)
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        Values = new(StringComparer.Ordinal)
        {
            ["DomainId"] = domainId.ToString(CultureInfo.InvariantCulture),
            ["StageId"] = stageId.ToString(CultureInfo.InvariantCulture),
            ["NameLevel1"] = $"危房改造测试 {unique}",
            ["NameLevel2"] = $"补助资金发放 {unique}",
            ["Content"] = "补助对象、补助标准、资金拨付进度。",
            ["Basis"] = "《中华人民共和国政府信息公开条例》；建村〔2017〕47号",
            ["TimeLimitText"] = "办结后10日内",
            ["TimeLimitKind"] = "2",   // DaysAfterCompletion
            ["TimeLimitAmount"] = "10",
            ["Method"] = "2",          // 依申请公开
            ["Audience"] = "2",        // 特定群众
            ["Level"] = "2",           // 乡级
            ["Frequency"] = "3",       // 每季度
        };
    }

    public Dictionary<string, string> Values { get; }

    /// <summary>政府网站, 政务服务中心, 社区/村公示栏.</summary>
    public List<string> Channels { get; set; } = ["1", "128", "1024"];

    public string Name => $"{Values["NameLevel1"]} · {Values["NameLevel2"]}";

    public static async Task<ItemFormPost> ForAsync(PortalFactory factory)
    {
        await using var db = factory.NewDbContext();
        var domainId = await db.Domains.Where(d => d.Code == DomainCode).Select(d => d.Id).SingleAsync();
        var stageId = await db.Stages.Where(s => s.Code == StageCode).Select(s => s.Id).SingleAsync();
        return new ItemFormPost(domainId, stageId);
    }

    public ItemFormPost With(string field, string value)
    {
        Values[field] = value;
        return this;
    }

    /// <summary>Leaves a field empty (no channel ticked), as a person who skipped it would.</summary>
    public ItemFormPost Without(string field)
    {
        if (field == "Channels") Channels = [];
        else Values[field] = string.Empty;
        return this;
    }

    public IEnumerable<KeyValuePair<string, string>> Fields() =>
        Values.Concat(Channels.Select(c => new KeyValuePair<string, string>("Channels", c)));

    /// <summary>Fills in the form on <paramref name="formPage"/> that posts to <paramref name="action"/> with these fields (plus extras) and submits it.</summary>
    public Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string action, params (string Name, string Value)[] extra) =>
        Browserish.PostFormAsync(client, formPage, action, FieldsFor(action, extra), Channels.Count == 0 ? ["Channels"] : null);

    /// <summary>The same form with values its controls do not offer, or fields it does not render (hostile-input tests).</summary>
    public Task<HttpResponseMessage> PostTamperedAsync(HttpClient client, string formPage, string action, params (string Name, string Value)[] extra) =>
        ForgedRequests.TamperedFormAsync(client, formPage, action, FieldsFor(action, extra));

    /// <summary>The edit form has no domain or stage: an item keeps them (a new item is made for another place).</summary>
    private IEnumerable<KeyValuePair<string, string>> FieldsFor(string action, (string Name, string Value)[] extra) =>
        Fields().Where(f => !action.EndsWith("/edit", StringComparison.Ordinal) || f.Key is not ("DomainId" or "StageId"))
            .Concat(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));

    /// <summary>Creates the item through the form and returns its id (from the redirect to the list).</summary>
    public async Task<int> CreateAsync(HttpClient client)
    {
        var response = await PostAsync(client, "/manage/items/new", "/manage/items/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/manage/items#item-", location, StringComparison.Ordinal);
        return int.Parse(location["/manage/items#item-".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>The hidden Version of the edit page's form, as the browser would send it back.</summary>
    public static string Version(IDocument editPage) =>
        editPage.QuerySelector("form[action$='/edit'] input[name=Version]")!.GetAttribute("value")!;

    public static async Task<string> VersionAsync(HttpClient client, int id)
    {
        var (_, doc) = await Html.GetAsync(client, $"/manage/items/{id}/edit");
        return Version(doc);
    }

    public static async Task<string> UserIdAsync(PortalDbContext db, string userName) =>
        await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
}

internal static class ElementHtml
{
    /// <summary>A definition list (dt → dd) inside one element of the page, e.g. one revision of the history.</summary>
    public static Dictionary<string, string> DefinitionsIn(this IElement element, string selector) =>
        element.QuerySelectorAll($"{selector} dt").ToDictionary(dt => dt.Text(), dt => dt.NextElementSibling.Text());
}
