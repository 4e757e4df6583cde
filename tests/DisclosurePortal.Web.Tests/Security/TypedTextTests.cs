using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Tests.Admin;
using DisclosurePortal.Web.Tests.AnnualReports;
using DisclosurePortal.Web.Tests.Infrastructure;
using DisclosurePortal.Web.Tests.Records;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.Security;

/// <summary>
/// docs/security.md: control characters are refused wherever text is typed, with a message beside the field and every
/// typed value kept; only multi-line fields keep line breaks and tabs. The fields issue 15 found accepting them.
/// </summary>
public abstract class TypedTextTests(PortalFactory factory)
{
    /// <summary>Where each field is typed: who, the form's page and action, what counts the rows it would write.</summary>
    private sealed record Form(string User, string Page, Func<PortalFactory, Task<Dictionary<string, string>>> Valid, Func<PortalDbContext, Task<int>> Rows);

    private static readonly Dictionary<string, Form> Forms = new()
    {
        ["record"] = new("editor.housing", "/manage/records/new", async f => new()
        {
            ["CatalogueItemId"] = (await HousingItemAsync(f)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Kind"] = "8", ["Title"] = $"控制字符测试 {Guid.NewGuid():N}", ["IssuingOrgan"] = "青川县住房和城乡建设局", ["TopicCategory"] = "城乡建设",
            ["Body"] = "正文。", ["Intent"] = "save",
        }, db => db.RecordVersions.CountAsync()),
        ["department"] = new("admin", "/admin/departments/new", _ => Task.FromResult(AdminTestData.DepartmentFields()), db => db.Departments.CountAsync()),
        ["calendar"] = new("admin", "/admin/calendar", _ => Task.FromResult(new Dictionary<string, string> { ["Year"] = "2093", ["Source"] = "国办发明电〔2092〕1号" }),
            db => db.CalendarYears.CountAsync()),
        // The form's own Version stays: an earlier test of the class may have saved this year's draft.
        ["annual report"] = new("reviewer", "/reports/annual/2021", _ => Task.FromResult(AnnualReportDraftTests.ValidFields().Where(f => f.Key != "Version").ToDictionary()),
            db => db.AnnualReports.SumAsync(r => r.Version + 1)),
    };

    public static TheoryData<string, string, string> Fields()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (form, field) in new[]
                 {
                     ("record", "Body"), ("record", "IssuingOrgan"), ("record", "TopicCategory"), ("record", "Title"),
                     ("department", "ShortName"), ("department", "Name"), ("calendar", "Source"),
                     ("annual report", "Overview"), ("annual report", "Problems"), ("annual report", "OtherMatters"),
                 })
        {
            data.Add(form, field, "从 Word 粘贴\v的换行");
            data.Add(form, field, "响铃\u0007字符");
        }
        data.Add("record", "Body", "改变方向\u202E的字符");
        data.Add("record", "Title", "行\u2028分隔符");
        data.Add("record", "Title", "换\n行");
        data.Add("department", "ShortName", "制表\t符");
        return data;
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task ControlCharacter_IsRefusedBesideTheField_NothingIsWritten_AndTheTextIsKept(string formName, string field, string value)
    {
        var form = Forms[formName];
        var client = await Browserish.SignedInAsync(factory, form.User);
        var fields = await form.Valid(factory); // the form's other fields are sent as rendered (PostFormAsync)
        fields[field] = value;
        var before = await RowsAsync(form);

        var response = await Browserish.PostFormAsync(client, form.Page, form.Page, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        var input = doc.QuerySelector($"[name='{field}']") ?? throw new InvalidOperationException($"the form came back without {field}");
        var error = input.ParentElement!.QuerySelector(".field-error").Text();
        Assert.Contains("控制字符", error, StringComparison.Ordinal);
        Assert.Equal(value, input is IHtmlTextAreaElement area ? area.Value : input.GetAttribute("value"));
        Assert.Equal(before, await RowsAsync(form));
    }

    [Theory]
    [InlineData("record", "Body")]
    [InlineData("annual report", "Overview")]
    public async Task LineBreaksAndTabs_InAMultiLineField_AreAccepted(string formName, string field)
    {
        var form = Forms[formName];
        var client = await Browserish.SignedInAsync(factory, form.User);
        var fields = await form.Valid(factory); // the form's other fields are sent as rendered (PostFormAsync)
        fields[field] = "第一段\r\n\r\n\t第二段，\n第三行";

        var response = await Browserish.PostFormAsync(client, form.Page, form.Page, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<int> RowsAsync(Form form)
    {
        await using var db = factory.NewDbContext();
        return await form.Rows(db);
    }
}

public sealed class TypedTextOnSqlite(SqlitePortal factory) : TypedTextTests(factory), IClassFixture<SqlitePortal>;

public sealed class TypedTextOnPostgres(PostgresPortal factory) : TypedTextTests(factory), IClassFixture<PostgresPortal>;
