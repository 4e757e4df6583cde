using System.Net;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.Workflow;

/// <summary>
/// Every editor and reviewer action, tried with the wrong role and the wrong department: refused (403, or 404 where a
/// draft's existence must not leak, or the login page for anonymous visitors), and nothing in the database changed.
/// </summary>
public abstract class WorkflowPermissionTests(PortalFactory factory)
{
    private sealed record Action(string Method, string Url, string FormPage);

    private static IEnumerable<Action> EditorActions(int recordId, int attachmentId) =>
    [
        new("GET", $"/manage/records/{recordId}", ""),
        new("GET", $"/manage/records/{recordId}/edit", ""),
        new("POST", $"/manage/records/{recordId}/edit", "/manage"),
        new("POST", $"/manage/records/{recordId}/submit", "/manage"),
        new("POST", $"/manage/records/{recordId}/new-version", "/manage"),
        new("POST", $"/manage/records/{recordId}/attachments", "/manage"),
        new("POST", $"/manage/records/{recordId}/attachments/{attachmentId}/delete", "/manage"),
        new("GET", $"/manage/attachments/{attachmentId}", ""),
    ];

    private static IEnumerable<Action> ReviewerActions(int recordId, int versionId) =>
    [
        new("GET", "/review", ""),
        new("GET", $"/review/versions/{versionId}", ""),
        new("POST", $"/review/versions/{versionId}", "/manage"),
        new("POST", $"/review/records/{recordId}/withdraw", "/manage"),
        new("GET", "/review/withheld", ""),
        new("POST", $"/review/versions/{versionId}/reconsider", "/manage"),
    ];

    [Fact]
    public async Task AnotherDepartmentsEditor_GetsNotFound_OnEveryEditorAction_AndNothingChanges()
    {
        var (recordId, attachmentId, _) = await HousingDraftWithAttachmentAsync();
        var finance = await Browserish.SignedInAsync(factory, "editor.finance");
        var before = await SnapshotAsync();
        foreach (var action in EditorActions(recordId, attachmentId))
        {
            var response = await SendAsync(finance, action);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{action.Method} {action.Url}: {response.StatusCode}");
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Reviewers_AndAdmins_CannotDoEditorWork()
    {
        var (recordId, attachmentId, _) = await HousingDraftWithAttachmentAsync();
        var before = await SnapshotAsync();
        foreach (var user in new[] { "reviewer", "admin" })
        {
            var client = await Browserish.SignedInAsync(factory, user);
            foreach (var action in EditorActions(recordId, attachmentId).Where(a => a.Method == "POST")
                         .Append(new("GET", $"/manage/records/{recordId}/edit", ""))
                         .Append(new("GET", "/manage/records/new", ""))
                         .Append(new("POST", "/manage/records/new", "/manage")))
            {
                var response = await SendAsync(client, action);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} {action.Method} {action.Url}: {response.StatusCode}");
            }
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Editors_AndAdmins_CannotReview()
    {
        var (recordId, _, versionId) = await HousingDraftWithAttachmentAsync(submit: true);
        var before = await SnapshotAsync();
        foreach (var user in new[] { "editor.housing", "admin" })
        {
            var client = await Browserish.SignedInAsync(factory, user);
            foreach (var action in ReviewerActions(recordId, versionId))
            {
                var response = await SendAsync(client, action);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} {action.Method} {action.Url}: {response.StatusCode}");
            }
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AnonymousVisitors_AreSentToLogin_ForEveryStaffAction()
    {
        var (recordId, attachmentId, versionId) = await HousingDraftWithAttachmentAsync(submit: true);
        var anonymous = Browserish.NewClient(factory);
        var before = await SnapshotAsync();
        foreach (var action in EditorActions(recordId, attachmentId).Concat(ReviewerActions(recordId, versionId)).Where(a => a.Method == "GET"))
        {
            var response = await SendAsync(anonymous, action);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, Action action)
    {
        if (action.Method == "GET") return await client.GetAsync(action.Url);
        // A real token from a page this user may open, so the refusal is about permission, not the token; the page has
        // no such form for this user, so the request is made by hand.
        return await ForgedRequests.PostAsync(client, action.Url, await ForgedRequests.TokenAsync(client, action.FormPage), new Dictionary<string, string>
        {
            ["Title"] = "越权修改",
            ["IssuingOrgan"] = "越权",
            ["Validity"] = "1",
            ["DisclosureAttribute"] = "1",
            ["Version"] = "1",
            ["version"] = "1",
            ["reason"] = "越权",
            ["Decision"] = "approve",
            ["Confidentiality"] = "1",
            ["Legality"] = "1",
            ["Attribute"] = "1",
        });
    }

    private async Task<(int RecordId, int AttachmentId, int VersionId)> HousingDraftWithAttachmentAsync(bool submit = false)
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var id = await CreateDraftAsync(editor, (await HousingItemAsync(factory)).Id, $"权限测试 {Guid.NewGuid():N}");
        await Browserish.UploadAsync(editor, $"/manage/records/{id}", $"/manage/records/{id}/attachments", "附件.pdf", Pdf);
        if (submit) await SubmitAsync(editor, id);
        await using var db = factory.NewDbContext();
        var versionId = await db.RecordVersions.Where(v => v.RecordId == id && v.IsLatest).Select(v => v.Id).SingleAsync();
        var attachmentId = await db.Attachments.Where(a => a.RecordVersionId == versionId).Select(a => a.Id).SingleAsync();
        return (id, attachmentId, versionId);
    }

    /// <summary>Everything these actions could change.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = factory.NewDbContext();
        var versions = await db.RecordVersions.OrderBy(v => v.Id).Select(v => $"{v.Id}:{v.State}:{v.Version}:{v.IsPublished}:{v.IsLatest}:{v.Title}").ToListAsync();
        var records = await db.Records.OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.IndexNumber}").ToListAsync();
        var counts = $"{await db.Attachments.CountAsync()}:{await db.ReviewDecisions.CountAsync()}:{await db.AuditEvents.CountAsync()}";
        return string.Join("|", versions.Concat(records).Append(counts));
    }
}

public sealed class WorkflowPermissionsOnSqlite(SqlitePortal factory) : WorkflowPermissionTests(factory), IClassFixture<SqlitePortal>;

public sealed class WorkflowPermissionsOnPostgres(PostgresPortal factory) : WorkflowPermissionTests(factory), IClassFixture<PostgresPortal>;
