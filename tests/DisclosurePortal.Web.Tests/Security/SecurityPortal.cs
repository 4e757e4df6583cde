using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Web.Infrastructure;
using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Tests.Admin;
using DisclosurePortal.Web.Tests.Infrastructure;
using DisclosurePortal.Web.Tests.UnitProfiles;
using DisclosurePortal.Web.Tests.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Security;

/// <summary>Who is asking: no one, each staff role, and an editor of another department than the sample objects'.</summary>
[Flags]
public enum Who
{
    Anonymous = 1,
    Admin = 2,
    Reviewer = 4,
    /// <summary>editor.housing: the department that owns every department-scoped sample object.</summary>
    Editor = 8,
    /// <summary>editor.finance: an editor, but of the wrong department.</summary>
    OtherEditor = 16,
    /// <summary>leader: 领导审签 (issue 21 §6).</summary>
    Leader = 32,
    Editors = Editor | OtherEditor,
    /// <summary>The review queue: the office's reviewers and the leaders.</summary>
    Reviewing = Reviewer | Leader,
    Staff = Admin | Reviewer | Editors | Leader,
    Everyone = Anonymous | Staff,
}

[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SqliteSecurityPortal>
{
    public const string Name = "Security";
}

/// <summary>The hostile-input tests again on PostgreSQL, whose column limits and text rules (no NUL) differ from SQLite's.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityOnPostgresCollection : ICollectionFixture<PostgresSecurityPortal>
{
    public const string Name = "Security on PostgreSQL";
}

public sealed class SqliteSecurityPortal() : SecurityPortal(TestDb.Sqlite);

public sealed class PostgresSecurityPortal() : SecurityPortal(TestDb.Postgres);

/// <summary>
/// One portal for the permission matrix and the hostile-input tests (SQLite; the hostile input on PostgreSQL as well): a smaller demo county (the tests walk every
/// endpoint, not the data), an attachment limit small enough to exceed cheaply, and rate limits no test reaches.
/// </summary>
public abstract class SecurityPortal(TestDb db) : PortalFactory(db, demoRecords: 200)
{
    public const long MaxAttachmentBytes = 64 * 1024;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<Who, HttpClient> clients = [];
    private SqliteConnection? watcher;
    private string? tableMarks;

    public static readonly Who[] Callers = [Who.Anonymous, Who.Admin, Who.Reviewer, Who.Editor, Who.OtherEditor, Who.Leader];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:MaxAttachmentBytes", MaxAttachmentBytes.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:Apply:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Track:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Message:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Comment:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Rating:PermitLimit", "100000");
    }

    public static string UserName(Who who) => who switch
    {
        Who.Admin => "admin",
        Who.Reviewer => "reviewer",
        Who.Editor => "editor.housing",
        Who.OtherEditor => "editor.finance",
        Who.Leader => "leader",
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };

    /// <summary>A signed-in client per caller, kept for the collection (signing in hashes a password: slow on purpose).</summary>
    public async Task<HttpClient> ClientAsync(Who who)
    {
        await gate.WaitAsync();
        try
        {
            if (!clients.TryGetValue(who, out var client))
            {
                client = who == Who.Anonymous ? Browserish.NewClient(this) : await Browserish.SignedInAsync(this, UserName(who));
                clients[who] = client;
            }
            return client;
        }
        finally
        {
            gate.Release();
        }
    }

    private readonly Dictionary<Who, string> tokens = [];
    private Samples? samples;

    /// <summary>A real antiforgery token for this caller, from a page the caller may open (a token serves many posts).</summary>
    public async Task<string> TokenAsync(Who who)
    {
        if (tokens.TryGetValue(who, out var token)) return token;
        token = await ForgedRequests.TokenAsync(await ClientAsync(who), who == Who.Anonymous ? "/account/login" : "/manage");
        tokens[who] = token;
        return token;
    }

    /// <summary>
    /// A mark that changes whenever the app commits anything: equal before and after a request means the request wrote
    /// nothing at all. SQLite: its data_version, read on a connection of our own (it changes when another connection
    /// commits). PostgreSQL: every table's row count and newest row version (xmin), which an insert, update or delete
    /// changes and a rolled-back one does not.
    /// </summary>
    public string WriteMark()
    {
        _ = Services;
        if (Db == TestDb.Sqlite)
        {
            if (watcher is null)
            {
                watcher = new SqliteConnection(ConnectionString);
                watcher.Open();
            }
            using var command = watcher.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
        }
        using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        connection.Open();
        if (tableMarks is null)
        {
            using var list = connection.CreateCommand();
            list.CommandText = "SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
            using var reader = list.ExecuteReader();
            var tables = new List<string>();
            while (reader.Read()) tables.Add(reader.GetString(0));
            tableMarks = string.Join(" || ',' || ", tables.Select(t =>
                $"(SELECT '{t.Replace("'", "''", StringComparison.Ordinal)}:' || count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM {t})"));
        }
        using var mark = connection.CreateCommand();
        mark.CommandText = "SELECT " + tableMarks;
        return (string)mark.ExecuteScalar()!;
    }

    /// <summary>
    /// The sample objects, made once for the collection: the department-scoped ones belong to editor.housing's department.
    /// The hostile-input tests may move them on (a case confirmed, a version approved); the matrix's expectations hold in
    /// every state, since a refusal comes before the state is looked at and the right caller only needs a non-5xx.
    /// </summary>
    public async Task<Samples> ArrangeAsync() => samples ??= await NewSamplesAsync();

    private async Task<Samples> NewSamplesAsync()
    {
        _ = Services;
        var editor = await ClientAsync(Who.Editor);
        var item = await WorkflowSupport.HousingItemAsync(this);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var draft = await WorkflowSupport.CreateDraftAsync(editor, item.Id, $"安全测试草稿 {tag}");
        await Browserish.UploadAsync(editor, $"/manage/records/{draft}", $"/manage/records/{draft}/attachments", "附件.pdf", WorkflowSupport.Pdf);
        var submitted = await WorkflowSupport.CreateDraftAsync(editor, item.Id, $"安全测试待审 {tag}");
        await WorkflowSupport.SubmitAsync(editor, submitted);
        var department = await AdminTestData.DepartmentAsync(this);
        var user = await AdminTestData.UserAsync(this, Roles.Editor, department.Id);

        await using var db = NewDbContext();
        var housing = item.DepartmentId;
        var draftVersion = await db.RecordVersions.Where(v => v.RecordId == draft && v.IsLatest).Select(v => v.Id).SingleAsync();
        var attachment = await db.Attachments.Where(a => a.RecordVersionId == draftVersion).Select(a => a.Id).SingleAsync();
        var published = await db.RecordVersions.Where(v => v.IsPublished && v.DepartmentId == housing).OrderBy(v => v.Id).Select(v => v.RecordId).FirstAsync();
        var publishedVersion = await db.RecordVersions.Where(v => v.IsPublished && v.RecordId == published).Select(v => v.Id).SingleAsync();
        var c = ApplicationCase.Submit(new ApplicationDetails
        {
            ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "张三丰", IdentityNumber = "11010519491231002X",
            Contact = "13800000000", InformationDescription = $"安全测试申请 {tag}", Channel = ApplicationChannel.Online,
        }, Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), Clock.GetUtcNow().AddMinutes(-5));
        db.ApplicationCases.Add(c);
        // Issue 19: a note to editor.housing's department and a queued mail (no SMTP server here: it stays pending).
        var note = DisclosurePortal.Web.Infrastructure.Notifications.StaffNotifications.Add(db,
            DisclosurePortal.Domain.Notifications.StaffNotification.ToDepartment(housing, $"安全测试通知 {tag}", $"/manage/records/{draft}", Clock.GetUtcNow()));
        var mail = DisclosurePortal.Web.Infrastructure.Notifications.MailOutbox.Enqueue(db, $"security-{tag}@example.org", "安全测试邮件", "正文", Clock.GetUtcNow());
        await db.SaveChangesAsync();

        var today = Clock.Today();
        // 民意征集 of editor.housing's department: one open (comments, moderation, entry), one awaiting review.
        var (consultation, comment) = await ConsultationSamples.OpenAsync(db, housing, item.Id, item.DomainId, today, Clock.GetUtcNow(), tag);
        var submittedConsultation = await ConsultationSamples.SubmittedAsync(db, housing, item.Id, item.DomainId, today, Clock.GetUtcNow(), tag);
        // A draft consultation with a file uploaded through its form.
        var draftConsultation = await ConsultationSamples.DraftAsync(db, housing, item.Id, item.DomainId, today, Clock.GetUtcNow(), tag);
        await Browserish.UploadAsync(editor, $"/manage/consultations/{draftConsultation}", $"/manage/consultations/{draftConsultation}/attachments", "征求意见稿.pdf", WorkflowSupport.Pdf);
        var consultationAttachment = await db.ConsultationAttachments.Where(a => a.ConsultationId == draftConsultation).Select(a => a.Id).SingleAsync();
        // 机构概况 (issue 20 §2): a draft of editor.housing's unit, and another unit's version in review (the office's).
        var profile = await UnitProfileSamples.DraftAsync(db, housing, Clock.GetUtcNow());
        var otherUnit = await db.Departments.Where(d => d.Id != housing && d.IsActive).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        var submittedProfile = await UnitProfileSamples.SubmittedAsync(db, otherUnit, Clock.GetUtcNow());
        // 权责清单 (issue 20 §5) of editor.housing's department: a draft power and one awaiting review.
        DisclosurePortal.Domain.Powers.PowerDraft PowerDraft(string name) => new()
        {
            Name = name, Category = DisclosurePortal.Domain.Powers.PowerCategory.Inspection, LegalBasis = "《建设工程质量管理条例》第四十三条", Office = "监督站",
            Steps = [new("监督站", "检查", "5个工作日")],
        };
        var power = DisclosurePortal.Domain.Powers.Power.Create(housing, PowerDraft($"安全测试权力 {tag}"), "测试", null, Clock.GetUtcNow());
        var submittedPower = DisclosurePortal.Domain.Powers.Power.Create(housing, PowerDraft($"安全测试待审权力 {tag}"), "测试", null, Clock.GetUtcNow());
        submittedPower.Submit("测试", null, Clock.GetUtcNow());
        db.Powers.AddRange(power, submittedPower);
        await db.SaveChangesAsync();
        var publishedPower = await db.PowerRevisions.Where(r => r.State == DisclosurePortal.Domain.Powers.PowerRevisionState.Published).OrderBy(r => r.PowerId).Select(r => r.PowerId).FirstAsync();
        var guideTemplate = await db.GuideTemplates.OrderBy(t => t.Id).Select(t => new { t.Id, t.GuideId }).FirstAsync();
        // 办事指南 (issue 20 §6) of editor.housing's department: a draft guide and one awaiting review.
        var guideDraft = await db.ServiceGuides.Where(g => g.Id == guideTemplate.GuideId).SingleAsync();
        var guide = DisclosurePortal.Domain.Guides.ServiceGuide.Create(housing, guideDraft.ToDraft() with { Name = $"安全测试指南 {tag}" }, "测试", null, Clock.GetUtcNow());
        var submittedGuide = DisclosurePortal.Domain.Guides.ServiceGuide.Create(housing, guideDraft.ToDraft() with { Name = $"安全测试待审指南 {tag}" }, "测试", null, Clock.GetUtcNow());
        submittedGuide.Submit("测试", null, Clock.GetUtcNow());
        db.ServiceGuides.AddRange(guide, submittedGuide);
        await db.SaveChangesAsync();
        // 规范性文件清理 (issue 20 §4): a draft, one awaiting review and a published one, all listing policies as 继续有效.
        var policyIds = await db.PublishedVersions.Where(v => v.Kind == DisclosurePortal.Domain.Publishing.RecordKind.NormativeDocument && v.Validity == DisclosurePortal.Domain.Publishing.Validity.Valid)
            .OrderBy(v => v.RecordId).Select(v => v.RecordId).Take(2).ToListAsync();
        var cleanupCandidates = await DisclosurePortal.Web.Features.PolicyCleanups.PolicyCleanupQueries.CandidatesAsync(db, policyIds, default);
        DisclosurePortal.Domain.PolicyCleanups.PolicyCleanup Cleanup(string title) => DisclosurePortal.Domain.PolicyCleanups.PolicyCleanup.Create(new()
        {
            Title = title, IssuingBody = "县人民政府办公室", DecidedOn = today, Intro = "安全测试清理。",
            Entries = [.. policyIds.Select(id => new DisclosurePortal.Domain.PolicyCleanups.CleanupEntryDraft(id, DisclosurePortal.Domain.Publishing.Validity.Valid, null))],
        }, cleanupCandidates, today, "测试", "drafter", Clock.GetUtcNow());
        var cleanup = Cleanup($"安全测试清理 {tag}");
        var submittedCleanup = Cleanup($"安全测试待审清理 {tag}");
        submittedCleanup.Submit("测试", "drafter", Clock.GetUtcNow());
        var publishedCleanup = Cleanup($"安全测试已公布清理 {tag}");
        publishedCleanup.Submit("测试", "drafter", Clock.GetUtcNow());
        publishedCleanup.Approve(cleanupCandidates, new HashSet<int>(), today, "测试二", "approver", Clock.GetUtcNow());
        db.PolicyCleanups.AddRange(cleanup, submittedCleanup, publishedCleanup);
        // A 本期无信息 waiting for the office (issue 21 §1), on a month of its own so that samples never collide.
        var periodicItem = DisclosurePortal.Domain.Catalogue.CatalogueItem.Create(item.ToElements() with
        {
            NameLevel2 = $"安全测试月报 {tag}", TimeLimitText = "每月10日前公开上月情况",
            TimeLimit = new DisclosurePortal.Domain.Catalogue.TimeLimitRule(DisclosurePortal.Domain.Catalogue.TimeLimitKind.MonthlyByDay, 10),
        }, item.DepartmentId, item.DomainId, item.StageId, Clock.GetUtcNow());
        periodicItem.SetExpectedFrom(today.AddMonths(-6), Clock.GetUtcNow());
        db.CatalogueItems.Add(periodicItem);
        await db.SaveChangesAsync();
        var waiver = DisclosurePortal.Domain.Expectations.PeriodWaiver.Request(periodicItem.Id,
            DisclosurePortal.Domain.Expectations.ReportingPeriod.Of(DisclosurePortal.Domain.Catalogue.TimeLimitKind.MonthlyByDay, today.AddMonths(-5)),
            "安全测试本期无信息。", "测试", "drafter", Clock.GetUtcNow(), today);
        db.PeriodWaivers.Add(waiver);
        await db.SaveChangesAsync();
        return new Samples(new Dictionary<string, string>
        {
            ["housing"] = Str(housing),
            ["item"] = Str(item.Id),
            ["draft"] = Str(draft),
            ["attachment"] = Str(attachment),
            ["submitted"] = Str(submitted),
            ["submittedVersion"] = Str(await WorkflowSupport.LatestVersionIdAsync(this, submitted)),
            ["published"] = Str(published),
            ["publishedVersion"] = Str(publishedVersion),
            ["case"] = Str(c.Id),
            ["code"] = c.QueryCode,
            ["department"] = Str(department.Id),
            ["user"] = user.Id,
            ["domain"] = await db.Domains.OrderBy(d => d.Id).Select(d => d.Code).FirstAsync(),
            ["calendarYear"] = Str(today.Year),
            ["calendarDay"] = await db.CalendarDays.Where(d => d.Date.Year == today.Year).OrderBy(d => d.Date).Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).FirstAsync(),
            ["annualYear"] = Str(today.Year - 1),
            ["quarterYear"] = Str(today.Year),
            // 考核 (issue 21 §4): the demo's schemes; this year's is computed and internal, last year's published.
            ["assessmentYear"] = Str(today.Year),
            ["publishedAssessmentYear"] = Str(today.Year - 1),
            ["indicator"] = Str(await db.AssessmentIndicators.Where(i => db.AssessmentSchemes.Any(s => s.Id == i.SchemeId && s.Year == today.Year)).OrderBy(i => i.SortOrder).Select(i => i.Id).FirstAsync()),
            // 按季通报 (issue 21 §3): the demo county's published one, as {year}/q{n}.
            ["bulletin"] = await db.QuarterlyBulletins.Where(b => b.State == DisclosurePortal.Domain.Reporting.BulletinState.Published)
                .OrderBy(b => b.Id).Select(b => b.Year * 10 + b.QuarterNumber).FirstAsync() is var bulletin ? $"{bulletin / 10}/q{bulletin % 10}" : "",
            ["notification"] = Str(note.Id),
            ["mail"] = Str(mail.Id),
            // 网上信箱 (issue 19): an open message assigned to editor.housing's department, and a published one.
            ["message"] = Str(await db.Messages.Where(m => m.AssignedDepartmentId == housing && m.State == MessageState.Accepted).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync()),
            ["messageCode"] = await db.Messages.OrderBy(m => m.Id).Select(m => m.QueryCode).FirstAsync(),
            // 评议 (issue 21 §5): the demo rating whose comment is held for moderation.
            ["rating"] = Str(await db.Ratings.Where(r => r.CommentState == DisclosurePortal.Domain.Ratings.CommentState.Held).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()),
            ["sensitiveWord"] = Str(await db.SensitiveWords.OrderByDescending(w => w.Id).Select(w => w.Id).FirstAsync()),
            ["synonymGroup"] = Str(await db.SearchSynonyms.OrderByDescending(g => g.Id).Select(g => g.Id).FirstAsync()),
            ["publishedMessage"] = Str(await db.Messages.Where(m => m.Published).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync()),
            // 栏目 (issue 20 §3): the last column of the seeded tree.
            ["column"] = Str(await db.Columns.OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync()),
            ["consultation"] = Str(consultation),
            ["consultationComment"] = comment.ToString(CultureInfo.InvariantCulture),
            ["submittedConsultation"] = Str(submittedConsultation),
            ["draftConsultation"] = Str(draftConsultation),
            ["consultationAttachment"] = Str(consultationAttachment),
            ["profile"] = Str(profile),
            ["submittedProfile"] = Str(submittedProfile),
            // A leader's photo that housing's published 机构概况 shows (demo data): its id and the start of its hash.
            ["leaderPhoto"] = (await (from l in db.UnitLeaders
                                     join p in db.UnitProfiles on l.ProfileId equals p.Id
                                     join f in db.LeaderPhotos on l.PhotoId equals f.Id
                                     where p.State == DisclosurePortal.Domain.Units.ProfileState.Published
                                     orderby f.Id
                                     select new { f.Id, f.Sha256 }).FirstAsync()) is var photo ? $"{photo.Id}/{photo.Sha256[..16]}" : "",
            // Townships and villages (issue 20 §7): the demo data's.
            ["township"] = Str(await db.Departments.Where(d => d.Level == DisclosurePortal.Domain.Units.UnitLevel.Township).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync()),
            ["village"] = Str(await db.Departments.Where(d => d.Level == DisclosurePortal.Domain.Units.UnitLevel.Village).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync()),
            ["power"] = Str(power.Id),
            ["submittedPower"] = Str(submittedPower.Id),
            ["publishedPower"] = Str(publishedPower),
            ["publishedGuide"] = Str(guideTemplate.GuideId),
            ["guideTemplate"] = Str(guideTemplate.Id),
            ["guide"] = Str(guide.Id),
            ["submittedGuide"] = Str(submittedGuide.Id),
            ["cleanup"] = Str(cleanup.Id),
            ["submittedCleanup"] = Str(submittedCleanup.Id),
            ["waiver"] = Str(waiver.Id),
            ["periodicItem"] = Str(periodicItem.Id),
            ["publishedCleanup"] = Str(publishedCleanup.Id),
        });
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            watcher?.Dispose();
            foreach (var client in clients.Values) client.Dispose();
            gate.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>Real ids from the demo data and the arranged objects, put into URL templates as {name}.</summary>
public sealed partial class Samples(IReadOnlyDictionary<string, string> values)
{
    public string this[string name] => values[name];

    public string Fill(string template) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new InvalidOperationException($"no sample value for {{{m.Groups[1].Value}}} in {template}"));

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}

public static class Pages
{
    private static readonly Regex Cjk = new(@"\p{IsCJKUnifiedIdeographs}", RegexOptions.Compiled);

    /// <summary>
    /// The Chinese message a refused request must carry: the status/problem page's text, a message beside a field, or the
    /// form's summary of errors.
    /// </summary>
    public static string? ChineseMessage(IDocument doc)
    {
        foreach (var element in doc.QuerySelectorAll(".problem p, .field-error, .form-errors, [role=alert]"))
        {
            var text = element.Text();
            if (Cjk.IsMatch(text)) return text;
        }
        return null;
    }

    public static bool HasCjk(string text) => Cjk.IsMatch(text);

    /// <summary>The first part of a body, for failure messages.</summary>
    public static string Snippet(string body)
    {
        var main = body.IndexOf("<main", StringComparison.Ordinal);
        var text = main >= 0 ? body[main..] : body;
        return text.Length > 600 ? text[..600] : text;
    }
}
