using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using DisclosurePortal.Domain.PolicyCleanups;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.AnnualReports;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Tests.PolicyCleanups;

/// <summary>
/// 规范性文件清理 through its forms, as a browser posts them: the office drafts the lists from the library's policies,
/// submits them, another reviewer approves — and in that one step the listed documents' validities change (a new
/// published version each), the library's validity filter and the record pages follow, and Table 二（一）'s 本年废止
/// moves by one — or returns them with a reason. Bad input is a 400 beside the field with nothing lost; editors and the
/// public are refused.
/// </summary>
public abstract class PolicyCleanupTests(PortalFactory factory)
{
    private const string New = "/manage/policy-cleanups/new";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Dictionary<string, string> Notice(string title) => new()
    {
        ["Title"] = title,
        ["IssuingBody"] = "县人民政府办公室",
        ["DecidedOn"] = Iso(factory.Clock.Today()),
        ["DocumentNumber"] = "政办发〔2026〕99号",
        ["Intro"] = "县政府对现行行政规范性文件进行了清理。\n现将清理结果公布如下。",
    };

    /// <summary>The row index of a document on the form page (the rows are the library's, in its order).</summary>
    private static int RowOf(IDocument form, int recordId) =>
        int.Parse(form.QuerySelectorAll("input[type=hidden][name$='.RecordId']").Single(i => i.GetAttribute("value") == recordId.ToString(CultureInfo.InvariantCulture))
            .GetAttribute("name")!.Split('[', ']')[1], CultureInfo.InvariantCulture);

    private static void Choose(Dictionary<string, string> fields, IDocument form, int recordId, Validity conclusion, string? reason)
    {
        var i = RowOf(form, recordId);
        fields[$"Rows[{i}].Conclusion"] = conclusion.ToString();
        if (reason is not null) fields[$"Rows[{i}].Reason"] = reason;
    }

    private static int IdOf(HttpResponseMessage created) => int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task Cleanup_DraftedSubmittedAndApprovedByAnotherReviewer_ChangesValiditiesInOneStep()
    {
        var housing = await HousingAsync();
        var (expire, repeal, keep) = (await PolicyAsync(housing, "青住建规〔2011〕1号"), await PolicyAsync(housing, "青住建规〔2011〕2号"), await PolicyAsync(housing, "青住建规〔2011〕3号"));
        var year = factory.Clock.Today().Year;
        var repealedBefore = await RepealedThisYearAsync(year);

        var drafter = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, form) = await Html.GetAsync(drafter, $"{New}?department={housing}");
        var fields = Notice("关于公布规范性文件清理结果的通知（测试）");
        Choose(fields, form, expire, Validity.Expired, "上位法已修改");
        Choose(fields, form, repeal, Validity.Repealed, "调整对象已消失");
        Choose(fields, form, keep, Validity.Valid, null);
        var created = await Browserish.PostFormAsync(drafter, $"{New}?department={housing}", New, fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdOf(created);
        var page = $"/manage/policy-cleanups/{id}";

        // Nothing is public yet, and the documents are unchanged.
        Assert.Equal(HttpStatusCode.NotFound, (await Browserish.NewClient(factory).GetAsync($"/policies/cleanups/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(drafter, page, $"{page}/submit", [])).StatusCode);

        // The drafter cannot approve it (four eyes): the page offers no decision, and a post is refused.
        var (_, own) = await Html.GetAsync(drafter, page);
        Assert.Null(own.QuerySelector($"form[action='{page}/approve']"));
        var (_, queue) = await Html.GetAsync(drafter, "/review");
        Assert.NotNull(queue.QuerySelector($"#policy-cleanups a[href='{page}']"));

        var approver = await Browserish.SignedInAsync(factory, "reviewer2");
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(approver, page, $"{page}/approve", [])).StatusCode);

        await using (var db = factory.NewDbContext())
        {
            var published = await db.PublishedVersions.Where(v => v.RecordId == expire || v.RecordId == repeal || v.RecordId == keep).ToDictionaryAsync(v => v.RecordId);
            Assert.Equal(Validity.Expired, published[expire].Validity);
            Assert.Equal(Validity.Repealed, published[repeal].Validity);
            Assert.Equal(Validity.Valid, published[keep].Validity);
            Assert.Equal(2, published[expire].Number);
            Assert.Equal(1, published[keep].Number);
            Assert.Equal(factory.Clock.Today(), published[repeal].PublishedOn);
            Assert.Equal(2, await db.RecordVersions.CountAsync(v => v.RecordId == expire));
            var codes = await db.AuditEvents.Where(e => e.EntityType == "PolicyCleanup" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync();
            Assert.Equal(["policy-cleanup.approve", "policy-cleanup.create", "policy-cleanup.submit"], codes.Order(StringComparer.Ordinal));
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.EntityType == "Record" && e.EntityId == repeal.ToString(CultureInfo.InvariantCulture) && e.Action == "policy-cleanup.revalidate"));
        }
        Assert.Equal(repealedBefore + 1, await RepealedThisYearAsync(year));

        // The public notice, the library's validity filter and the record page follow.
        var citizen = Browserish.NewClient(factory);
        var (response, notice) = await Html.GetAsync(citizen, $"/policies/cleanups/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expiredList = notice.QuerySelector("#cleanup-list-expired")!.ParentElement!;
        Assert.NotNull(expiredList.QuerySelector($"a[href='/records/{expire}']"));
        Assert.Contains("青住建规〔2011〕1号", expiredList.TextContent, StringComparison.Ordinal);
        Assert.Contains("上位法已修改", expiredList.TextContent, StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector($"#cleanup-list-repealed + * a[href='/records/{repeal}']"));
        Assert.NotNull(notice.QuerySelector($"#cleanup-list-valid + * a[href='/records/{keep}']"));
        var (_, list) = await Html.GetAsync(citizen, "/policies/cleanups");
        Assert.NotNull(list.QuerySelector($"a[href='/policies/cleanups/{id}']"));
        // The library dates a document by its published version: the clean-up's new version is dated its publication.
        var (_, library) = await Html.GetAsync(citizen, $"/policies?department={housing}&year={year}&validity={(int)Validity.Expired}");
        Assert.NotNull(library.QuerySelector($".policy-item[data-policy='{expire}']"));
        Assert.Null(library.QuerySelector($".policy-item[data-policy='{keep}']"));
        var (_, record) = await Html.GetAsync(citizen, $"/records/{repeal}");
        var note = record.QuerySelector(".record-cleanup")!;
        Assert.Contains("经规范性文件清理宣布废止", note.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/policies/cleanups/{id}", note.QuerySelector("a")!.GetAttribute("href"));

        // A repealed document is no longer offered, and cannot be listed again.
        var (_, again) = await Html.GetAsync(drafter, $"{New}?department={housing}");
        Assert.DoesNotContain(again.QuerySelectorAll("input[name$='.RecordId']"), i => i.GetAttribute("value") == repeal.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Approval_WhenAListedDocumentHasAnOpenDraft_IsRefusedNamingIt_AndNothingChanges()
    {
        var housing = await HousingAsync();
        var busy = await PolicyAsync(housing, "青住建规〔2012〕1号");
        var drafter = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, form) = await Html.GetAsync(drafter, $"{New}?department={housing}");
        var fields = Notice("清理结果（有修改稿）");
        Choose(fields, form, busy, Validity.Expired, "上位法已修改");
        var page = $"/manage/policy-cleanups/{IdOf(await Browserish.PostFormAsync(drafter, $"{New}?department={housing}", New, fields))}";
        await Browserish.PostFormAsync(drafter, page, $"{page}/submit", []);
        string title;
        await using (var db = factory.NewDbContext())
        {
            var record = await db.Records.SingleAsync(r => r.Id == busy);
            var published = await db.RecordVersions.SingleAsync(v => v.RecordId == busy && v.IsPublished);
            title = published.Title;
            db.RecordVersions.Add(RecordVersion.DraftFrom(record, published, "编辑", factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var approver = await Browserish.SignedInAsync(factory, "reviewer2");
        var refused = await Browserish.PostFormAsync(approver, page, $"{page}/approve", []);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"《{title}》", (await Html.ParseAsync(refused)).Body!.TextContent, StringComparison.Ordinal);
        await using (var db = factory.NewDbContext())
        {
            Assert.Equal(Validity.Valid, (await db.PublishedVersions.SingleAsync(v => v.RecordId == busy)).Validity);
            Assert.Equal(CleanupState.Submitted, (await db.PolicyCleanups.SingleAsync(c => c.Title == "清理结果（有修改稿）")).State);
        }
    }

    [Fact]
    public async Task Return_NeedsAReason_AndReopensTheDraftWithIt()
    {
        var housing = await HousingAsync();
        var policy = await PolicyAsync(housing, "青住建规〔2013〕1号");
        var drafter = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, form) = await Html.GetAsync(drafter, $"{New}?department={housing}");
        var fields = Notice("清理结果（退回）");
        Choose(fields, form, policy, Validity.Valid, null);
        var page = $"/manage/policy-cleanups/{IdOf(await Browserish.PostFormAsync(drafter, $"{New}?department={housing}", New, fields))}";
        await Browserish.PostFormAsync(drafter, page, $"{page}/submit", []);

        var approver = await Browserish.SignedInAsync(factory, "reviewer2");
        var blank = await Browserish.PostFormAsync(approver, page, $"{page}/return", new() { ["reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("请填写退回理由。", (await Html.ParseAsync(blank)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(approver, page, $"{page}/return", new() { ["reason"] = "请补充清理依据" })).StatusCode);

        var (_, shown) = await Html.GetAsync(drafter, page);
        Assert.Contains("请补充清理依据", shown.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(shown.QuerySelector($"a[href='{page}/edit']"));
        var (_, edit) = await Html.GetAsync(drafter, $"{page}/edit");
        Assert.Equal("Valid", edit.QuerySelector($"#Rows_{RowOf(edit, policy)}__Conclusion option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task BadInput_IsRefusedBesideTheField_WithEverythingTypedKept()
    {
        var housing = await HousingAsync();
        var policy = await PolicyAsync(housing, "青住建规〔2014〕1号");
        var drafter = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, form) = await Html.GetAsync(drafter, $"{New}?department={housing}");
        var fields = Notice("清理结果（错误输入）");
        fields["DecidedOn"] = "2026-13-45";
        fields["IssuingBody"] = "";
        Choose(fields, form, policy, Validity.Repealed, null);
        var refused = await Browserish.PostFormAsync(drafter, $"{New}?department={housing}", New, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("请按“年-月-日”填写决定日期", page.QuerySelector("#DecidedOn-error").Text(), StringComparison.Ordinal);
        Assert.Contains("请填写发布机关。", page.QuerySelector("#IssuingBody-error").Text(), StringComparison.Ordinal);
        var row = RowOf(page, policy);
        Assert.Contains("宣布失效或废止须填写理由。", page.QuerySelector($"#Rows_{row}__Reason-error").Text(), StringComparison.Ordinal);
        Assert.Equal("Repealed", page.QuerySelector($"#Rows_{row}__Conclusion option[selected]")!.GetAttribute("value"));
        Assert.Equal("清理结果（错误输入）", page.QuerySelector("#Title")!.GetAttribute("value"));
        Assert.Equal("2026-13-45", page.QuerySelector("#DecidedOn")!.GetAttribute("value"));

        // A domain rule (a date after today) comes back as a 400 with the message, the form kept.
        fields["DecidedOn"] = Iso(factory.Clock.Today().AddDays(1));
        fields["IssuingBody"] = "县人民政府办公室";
        fields[$"Rows[{row}].Reason"] = "调整对象已消失";
        var future = await Browserish.PostFormAsync(drafter, $"{New}?department={housing}", New, fields);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var again = await Html.ParseAsync(future);
        Assert.Contains("决定日期不能晚于今天。", again.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("调整对象已消失", again.QuerySelector($"#Rows_{RowOf(again, policy)}__Reason")!.GetAttribute("value"));
        await using var db = factory.NewDbContext();
        Assert.False(await db.PolicyCleanups.AnyAsync(c => c.Title == "清理结果（错误输入）"));
    }

    [Fact]
    public async Task Editors_AndThePublic_AreRefused()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/manage/policy-cleanups")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(New)).StatusCode);
        var anonymous = Browserish.NewClient(factory);
        var response = await anonymous.GetAsync("/manage/policy-cleanups");
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString ?? "/account/login", StringComparison.Ordinal);
    }

    private async Task<int> HousingAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.Departments.Where(d => d.OrganisationCode == Workflow.WorkflowSupport.HousingOrganisationCode).Select(d => d.Id).SingleAsync();
    }

    private async Task<int> RepealedThisYearAsync(int year)
    {
        await using var db = factory.NewDbContext();
        return (await AnnualReportQueries.ComputeAsync(db, year, new ManualFigures(), CancellationToken.None)).NormativeDocuments.Repealed;
    }

    /// <summary>A published 行政规范性文件 of the department, published (and written) long ago: a fact the forms cannot produce.</summary>
    private async Task<int> PolicyAsync(int departmentId, string documentNumber)
    {
        await using var db = factory.NewDbContext();
        var item = await db.CatalogueItems.Where(i => i.DepartmentId == departmentId).OrderBy(i => i.Id).FirstAsync();
        var publishedOn = new DateOnly(int.Parse(documentNumber.Split('〔', '〕')[1], CultureInfo.InvariantCulture), 3, 1);
        var at = ChinaTime.At(publishedOn, new TimeOnly(9, 0));
        var record = Record.Create(departmentId, item.Id, item.DomainId, item.StageId, RecordKind.NormativeDocument, at);
        db.Records.Add(record);
        await db.SaveChangesAsync();
        var version = RecordVersion.CreateDraft(record, 1, new RecordMetadata
        {
            Title = $"关于印发《清理测试{Guid.NewGuid():N}》的通知",
            DocumentNumber = documentNumber,
            IssuingOrgan = "测试单位",
            WrittenOn = publishedOn,
            Body = "政策正文。",
        }, "测试", at);
        version.Submit(at);
        version.Publish(publishedOn, at);
        db.RecordVersions.Add(version);
        await db.SaveChangesAsync();
        return record.Id;
    }
}

public sealed class PolicyCleanupsOnSqlite(SqlitePortal factory) : PolicyCleanupTests(factory), IClassFixture<SqlitePortal>;

public sealed class PolicyCleanupsOnPostgres(PostgresPortal factory) : PolicyCleanupTests(factory), IClassFixture<PostgresPortal>;
