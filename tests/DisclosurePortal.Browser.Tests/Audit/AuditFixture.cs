using System.Collections.Concurrent;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Consultations;
using Consultation = DisclosurePortal.Domain.Consultations.Consultation;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Features.AnnualReports;
using DisclosurePortal.Web.Features.Apply;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests.Audit;

/// <summary>The ids the page types' URLs need: from the demo data, plus what the fixture adds (a case, a record in review, reports).</summary>
public sealed record AuditData(
    int ItemId, int PolicyId, int InterpretationId, int DepartmentId, string QueryCode, int CaseId,
    int EditorRecordId, int EditorDraftId, int EditorItemId, string EditorUserId, int ReviewVersionId,
    int PublishedReportYear, int DraftReportYear, int SubmittedReportYear, int QuarterYear, int CalendarYear)
{
    /// <summary>A published 行政规范性文件's version, with the reviews of the default chain and 领导审签 (issue 21 §6).</summary>
    public int PublishedPolicyVersionId { get; init; }
    /// <summary>网上信箱 (issue 19): an open message assigned to the housing department, its code, and a published message.</summary>
    public int MessageId { get; init; }
    public string MessageCode { get; init; } = "";
    public int PublishedMessageId { get; init; }

    /// <summary>按季通报 (issue 21 §3): the demo county's published quarter, as {year}/q{n}.</summary>
    public string BulletinPath { get; init; } = "";

    /// <summary>The quarter frozen with a comment and not yet published, as {year}/q{n}.</summary>
    public string FrozenBulletinPath { get; init; } = "";
    /// <summary>民意征集 (issue 19): the housing department's open, closed and draft ones; one with its 采纳情况; one awaiting review.</summary>
    public ConsultationIds Consultations { get; init; } = null!;
    /// <summary>机构概况 (issue 20 §2): the housing department's published version, and a unit's version awaiting review (demo data).</summary>
    public int PublishedProfileId { get; init; }
    public int SubmittedProfileId { get; init; }
    /// <summary>Townships and villages (issue 20 §7): a demo township and the demo village.</summary>
    public int TownshipId { get; init; }

    /// <summary>A periodic item of the audited editor's department with a 本期无信息 declared (issue 21 §1).</summary>
    public int PeriodicItemId { get; init; }

    /// <summary>An active event-driven item (办结后10日内) of 县住建局, whose page has the 登记事件 form.</summary>
    public int EventItemId { get; init; }
    public int VillageId { get; init; }
    /// <summary>考核 (issue 21 §4): an indicator of this year's demo scheme (this year's computed, last year's published).</summary>
    public int AssessmentIndicatorId { get; init; }
    /// <summary>权责清单 (issue 20 §5): a housing power published with a change in draft (its deadline shows), and one awaiting review.</summary>
    public int PowerId { get; init; }
    public int SubmittedPowerId { get; init; }
    public int DraftCleanupId { get; init; }
    public int PublishedCleanupId { get; init; }
    /// <summary>办事指南 staff pages: the housing bureau's draft guide and its guide awaiting review.</summary>
    public int DraftGuideId { get; init; }
    public int SubmittedGuideId { get; init; }
    /// <summary>办事指南 (issue 20 §6): the demo 低保 guide (three situations, a template).</summary>
    public int GuideId { get; init; }
    /// <summary>三同步 (issue 21 §6): a 行政规范性文件 of the housing bureau never submitted: its page asks for the interpretation or a plan.</summary>
    public int PolicyDraftId { get; init; }
}

public sealed record ConsultationIds(int Open, int Closed, int Draft, int WithFeedback, int InReview);

/// <summary>The widths and modes every page type is audited in (issue 8).</summary>
public sealed record Look(string Name, int Width, int Height, bool Senior)
{
    public static readonly Look PhoneNormal = new("phone", 375, 740, false);
    public static readonly Look PhoneSenior = new("phone-senior", 375, 740, true);
    public static readonly Look DesktopNormal = new("desktop", 1280, 900, false);
    public static readonly Look DesktopSenior = new("desktop-senior", 1280, 900, true);
    public static readonly IReadOnlyList<Look> All = [PhoneNormal, PhoneSenior, DesktopNormal, DesktopSenior];
}

/// <summary>The portal for the audit: rate limits no audit reaches (every page loads several times from one address).</summary>
public sealed class AuditPortal() : PortalFactory(TestDb.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Apply:PermitLimit", "10000");
        builder.UseSetting("RateLimits:Track:PermitLimit", "10000");
        builder.UseSetting("RateLimits:Message:PermitLimit", "10000");
        builder.UseSetting("RateLimits:Comment:PermitLimit", "10000");
        builder.UseSetting("RateLimits:Rating:PermitLimit", "10000");
    }
}

[CollectionDefinition(Name)]
public sealed class AuditCollection : ICollectionFixture<AuditFixture>
{
    public const string Name = "audit";
}

/// <summary>
/// One portal and one browser for the accessibility audit and the HTML validation; one browser context per viewer and
/// look (signed in once per viewer, its cookies copied), with one tab kept in each, so each page type costs one navigation
/// per look.
/// </summary>
public sealed class AuditFixture : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new(new AuditPortal());
    // Lazy: GetOrAdd may call its factory twice when two looks ask at once; a sign-in or a context must be made once.
    private readonly ConcurrentDictionary<Viewer, Lazy<Task<string?>>> _signedIn = new();
    private readonly ConcurrentDictionary<(Viewer, Look), Lazy<Task<IBrowserContext>>> _contexts = new();
    private readonly ConcurrentDictionary<(Viewer, Look), Lazy<Task<IPage>>> _tabs = new();

    public AuditData Data { get; private set; } = null!;
    public string BaseUrl => _browser.BaseUrl;
    public PortalFactory Portal => _browser.Portal;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        Data = await ArrangeAsync();
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    /// <summary>A context of <paramref name="viewer"/> in <paramref name="look"/> (seniors' mode by its cookies).</summary>
    public Task<IBrowserContext> ContextAsync(Viewer viewer, Look look) =>
        _contexts.GetOrAdd((viewer, look), key => new(() => NewContextAsync(key.Item1, key.Item2))).Value;

    private async Task<IBrowserContext> NewContextAsync(Viewer viewer, Look look)
    {
        var state = await _signedIn.GetOrAdd(viewer, v => new(() => SignInAsync(v))).Value;
        var context = await _browser.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = look.Width, Height = look.Height },
            IsMobile = look.Width < 600,
            Locale = "zh-CN",
            StorageState = state,
        });
        if (look.Senior)
        {
            // The seniors' mode and its high contrast, remembered in cookies (issue 8).
            await context.AddCookiesAsync(
            [
                new() { Name = "dp-mode", Value = "senior", Url = BaseUrl },
                new() { Name = "dp-contrast", Value = "high", Url = BaseUrl },
            ]);
        }
        return context;
    }

    /// <summary>Opens the page type in a new tab of the context and returns the tab and the response of the page audited.</summary>
    public async Task<(IPage Page, IResponse Response)> OpenAsync(PageType type, Look look, Action<IPage>? beforeNavigation = null)
    {
        var page = await (await ContextAsync(type.Viewer, look)).NewPageAsync();
        beforeNavigation?.Invoke(page);
        return (page, await NavigateAsync(page, type, WaitUntilState.Load));
    }

    /// <summary>
    /// Shows the page type in the one tab kept for <paramref name="look"/> and the page type's viewer, and returns the tab
    /// (not to be closed) and the response of the page audited. Navigating a kept tab is about twice as fast as opening
    /// one per page: the tab keeps its renderer process, and with it V8's cache of the axe source compiled there. A tab
    /// serves one page at a time: the audit collection runs its tests one after another, and within a test only
    /// different looks (other contexts, other tabs) run at once.
    /// </summary>
    public async Task<(IPage Page, IResponse Response)> ShowAsync(PageType type, Look look, WaitUntilState waitUntil = WaitUntilState.Load)
    {
        var tab = await _tabs.GetOrAdd((type.Viewer, look), key => new(async () => await (await ContextAsync(key.Item1, key.Item2)).NewPageAsync())).Value;
        return (tab, await NavigateAsync(tab, type, waitUntil));
    }

    /// <summary>
    /// The HTML the server sent for the page type in <paramref name="look"/>. Only the response is read, so the navigation
    /// waits for it to commit, not for the stylesheets, fonts and images of a page nobody looks at.
    /// </summary>
    public async Task<string> HtmlAsync(PageType type, Look look)
    {
        var (_, response) = await ShowAsync(type, look, WaitUntilState.Commit);
        return await response.TextAsync();
    }

    private async Task<IResponse> NavigateAsync(IPage page, PageType type, WaitUntilState waitUntil)
    {
        // A page type with a form to use is loaded whatever the caller needs: the form is used as a visitor would.
        var response = await page.GotoAsync(BaseUrl + type.Url(Data), new() { WaitUntil = type.Act is null ? waitUntil : WaitUntilState.Load })
                       ?? throw new InvalidOperationException($"{type.Name}: no response");
        if (type.Act is not null)
        {
            response = await type.Act(page);
            await page.WaitForLoadStateAsync(LoadState.Load);
        }
        if (response.Status != type.Status)
            throw new InvalidOperationException($"{type.Name} ({page.Url}) answered {response.Status}, expected {type.Status}");
        return response;
    }

    private async Task<string?> SignInAsync(Viewer viewer)
    {
        if (viewer == Viewer.Citizen) return null;
        var userName = viewer switch
        {
            Viewer.Editor => "editor.housing",
            Viewer.Reviewer => "reviewer",
            _ => "admin",
        };
        var page = await _browser.SignInAsync(userName);
        var state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return state;
    }

    private async Task<AuditData> ArrangeAsync()
    {
        await using var db = Portal.NewDbContext();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime.AddHours(8));
        var link = await db.InterpretationLinks.OrderBy(l => l.Id).FirstAsync();
        var policy = await db.Records.SingleAsync(r => r.Id == link.PolicyRecordId);

        var housing = await db.Departments.SingleAsync(d => d.OrganisationCode == "11511099022152793X");
        var housingItem = await db.CatalogueItems.Where(i => i.DepartmentId == housing.Id).OrderBy(i => i.Id).FirstAsync();
        var housingRecord = await db.Records.Where(r => r.DepartmentId == housing.Id).OrderBy(r => r.Id).FirstAsync();
        var editor = await db.Users.SingleAsync(u => u.UserName == "editor.housing");

        // A record waiting in the review queue (the demo data has only published ones).
        var waiting = DisclosurePortal.Domain.Publishing.Record.Create(housingItem.DepartmentId, housingItem.Id, housingItem.DomainId, housingItem.StageId, RecordKind.Notice, now);
        db.Records.Add(waiting);
        await db.SaveChangesAsync();
        var version = RecordVersion.CreateDraft(waiting, 1, new RecordMetadata
        {
            Title = "关于2026年农村危房改造对象认定结果的公示",
            IssuingOrgan = housing.Name,
            Body = "经村民申请、村委会评议、乡镇审核，现将认定结果予以公示。\n\n- 公示期：5个工作日\n- 联系电话：12345",
        }, "李编辑", now.AddHours(-3));
        version.Submit(now.AddHours(-2));
        db.RecordVersions.Add(version);

        // A draft of the editor's (the edit form).
        var drafted = DisclosurePortal.Domain.Publishing.Record.Create(housingItem.DepartmentId, housingItem.Id, housingItem.DomainId, housingItem.StageId, RecordKind.WorkNews, now);
        db.Records.Add(drafted);
        await db.SaveChangesAsync();
        db.RecordVersions.Add(RecordVersion.CreateDraft(drafted, 1, new RecordMetadata
        {
            Title = "县住建局开展农村房屋安全隐患排查",
            IssuingOrgan = housing.Name,
            Body = "本月起，县住建局组织技术人员开展排查。",
        }, "李编辑", now.AddHours(-1)));

        // A policy document drafted, never submitted (三同步: the submit form asks for a 解读方案).
        var policyDraft = DisclosurePortal.Domain.Publishing.Record.Create(housingItem.DepartmentId, housingItem.Id, housingItem.DomainId, housingItem.StageId, RecordKind.NormativeDocument, now);
        db.Records.Add(policyDraft);
        await db.SaveChangesAsync();
        db.RecordVersions.Add(RecordVersion.CreateDraft(policyDraft, 1, new RecordMetadata
        {
            Title = "青川县农村危房改造补助资金管理办法",
            IssuingOrgan = housing.Name,
            DocumentNumber = "青住建规〔2026〕3号",
            Body = "第一条 为规范农村危房改造补助资金管理，制定本办法。",
        }, "李编辑", now.AddHours(-1)));

        // An application (the case page and the citizen's tracking page).
        var code = QueryCodes.New();
        var @case = ApplicationCase.Submit(new ApplicationDetails
        {
            ApplicantKind = ApplicantKind.NaturalPerson,
            ApplicantName = "张三",
            IdentityNumber = "11010519491231002X",
            Contact = "13800000000",
            PostalAddress = "青川县乔庄镇测试路8号",
            InformationDescription = "2025年度本村农村危房改造补助资金发放明细",
            ProvisionForm = ProvisionForm.Electronic,
            DeliveryMethod = DeliveryMethod.Email,
            Channel = ApplicationChannel.Online,
        }, code, now.AddDays(-2));
        db.ApplicationCases.Add(@case);
        await db.SaveChangesAsync();

        // Last year's annual report published, the year before's a draft, the one before that submitted for review.
        var published = today.Year - 1;
        var report = new AnnualReport(published, now);
        report.SaveDraft("本年度全面推进政务公开。", "公开内容的及时性有待提高。", "无。", new ManualFigures { Licensing = 120, Penalty = 35 }, now);
        report.Submit("audit-1", "王审核", now);
        report.Publish("audit-2", "周审核", await AnnualReportQueries.ComputeAsync(db, published, report.Figures(), default), now);
        var draft = new AnnualReport(published - 1, now);
        draft.SaveDraft("草稿：总体情况。", null, null, new ManualFigures(), now);
        var submitted = new AnnualReport(published - 2, now);
        submitted.SaveDraft("待审核：总体情况。", null, null, new ManualFigures(), now);
        submitted.Submit("audit-1", "王审核", now);
        db.AnnualReports.AddRange(report, draft, submitted);
        await db.SaveChangesAsync();

        var consultations = await ArrangeConsultationsAsync(db, housing.Id, today, now);

        // 按季通报 (issue 21 §3): last quarter frozen with a comment, waiting for another reviewer (the demo published the one before).
        var lastQuarter = Quarter.Of(today).Previous;
        var frozen = QuarterlyBulletin.Freeze((await DisclosurePortal.Web.Features.QuarterlyReports.QuarterlyReportQueries.LoadAsync(db, lastQuarter, today, default)).Snapshot(),
            null, today, "audit-1", "王审核", now);
        frozen.WriteComment("本季度总体按时。\n\n- 缺失的信息请补发。", "audit-1", "王审核", now);
        db.QuarterlyBulletins.Add(frozen);
        await db.SaveChangesAsync();

        return new AuditData(
            ItemId: policy.CatalogueItemId!.Value, PolicyId: link.PolicyRecordId, InterpretationId: link.InterpretationRecordId,
            DepartmentId: housing.Id, QueryCode: code, CaseId: @case.Id,
            EditorRecordId: housingRecord.Id, EditorDraftId: drafted.Id, EditorItemId: housingItem.Id, EditorUserId: editor.Id, ReviewVersionId: version.Id,
            PublishedReportYear: published, DraftReportYear: published - 1, SubmittedReportYear: published - 2, QuarterYear: today.Year, CalendarYear: today.Year)
        {
            PublishedPolicyVersionId = await db.RecordVersions.Where(v => v.IsPublished && v.Kind == DisclosurePortal.Domain.Publishing.RecordKind.NormativeDocument).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(),
            MessageId = await db.Messages.Where(m => m.AssignedDepartmentId == housing.Id && m.State == DisclosurePortal.Domain.Participation.MessageState.Accepted).Select(m => m.Id).FirstAsync(),
            MessageCode = await db.Messages.Where(m => m.AssignedDepartmentId == housing.Id && m.State == DisclosurePortal.Domain.Participation.MessageState.Accepted).Select(m => m.QueryCode).FirstAsync(),
            PublishedMessageId = await db.Messages.Where(m => m.Published).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
            BulletinPath = await db.QuarterlyBulletins.Where(b => b.State == BulletinState.Published).OrderBy(b => b.Id)
                .Select(b => b.Year * 10 + b.QuarterNumber).FirstAsync() is var bulletin ? $"{bulletin / 10}/q{bulletin % 10}" : "",
            FrozenBulletinPath = $"{lastQuarter.Year}/q{lastQuarter.Number}",
            Consultations = consultations,
            PublishedProfileId = await db.UnitProfiles.Where(p => p.DepartmentId == housing.Id && p.State == DisclosurePortal.Domain.Units.ProfileState.Published).Select(p => p.Id).SingleAsync(),
            TownshipId = await db.Departments.Where(d => d.Level == DisclosurePortal.Domain.Units.UnitLevel.Township).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
            PeriodicItemId = await (from w in db.PeriodWaivers join i in db.CatalogueItems on w.CatalogueItemId equals i.Id
                                    where i.DepartmentId == housing.Id orderby w.Id select i.Id).FirstAsync(),
            EventItemId = await db.CatalogueItems.Where(i => i.DepartmentId == housing.Id && i.TimeLimit.Kind == DisclosurePortal.Domain.Catalogue.TimeLimitKind.DaysAfterCompletion
                                                            && i.Status == DisclosurePortal.Domain.Catalogue.CatalogueItemStatus.Active).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(),
            VillageId = await db.Departments.Where(d => d.Level == DisclosurePortal.Domain.Units.UnitLevel.Village).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
            AssessmentIndicatorId = await db.AssessmentIndicators.Where(i => db.AssessmentSchemes.Any(s => s.Id == i.SchemeId && s.Year == today.Year))
                .OrderBy(i => i.SortOrder).Select(i => i.Id).FirstAsync(),
            SubmittedProfileId = await db.UnitProfiles.Where(p => p.State == DisclosurePortal.Domain.Units.ProfileState.Submitted).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            PowerId = await db.PowerRevisions.Where(r => r.ChangedOn != null && r.State == DisclosurePortal.Domain.Powers.PowerRevisionState.Draft).OrderBy(r => r.PowerId).Select(r => r.PowerId).FirstAsync(),
            SubmittedPowerId = await db.PowerRevisions.Where(r => r.State == DisclosurePortal.Domain.Powers.PowerRevisionState.Submitted).OrderBy(r => r.PowerId).Select(r => r.PowerId).FirstAsync(),
            DraftCleanupId = await db.PolicyCleanups.Where(c => c.State == DisclosurePortal.Domain.PolicyCleanups.CleanupState.Draft).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            PublishedCleanupId = await db.PolicyCleanups.Where(c => c.State == DisclosurePortal.Domain.PolicyCleanups.CleanupState.Published).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            DraftGuideId = await db.ServiceGuides.Where(g => g.DepartmentId == housing.Id && g.State == DisclosurePortal.Domain.Guides.GuideState.Draft).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(),
            SubmittedGuideId = await db.ServiceGuides.Where(g => g.State == DisclosurePortal.Domain.Guides.GuideState.Submitted).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(),
            GuideId = await db.GuideTemplates.OrderBy(t => t.Id).Select(t => t.GuideId).FirstAsync(),
            PolicyDraftId = policyDraft.Id,
        };
    }

    private static async Task<ConsultationIds> ArrangeConsultationsAsync(DisclosurePortal.Data.PortalDbContext db, int housing, DateOnly today, DateTimeOffset now)
    {
        var item = await (from i in db.CatalogueItems
                          join s in db.Stages on i.StageId equals s.Id
                          where i.DepartmentId == housing && s.Code == "decision"
                          orderby i.Id
                          select i).FirstAsync();
        Consultation Make(DateOnly starts, DateOnly ends, string title) =>
            Consultation.Create(housing, new ConsultationDraft
            {
                CatalogueItemId = item.Id, DomainId = item.DomainId, Title = title,
                DraftBody = "第一条 为加强农村危房改造管理，制定本办法。", DraftingExplanation = "起草背景和主要内容。",
                StartsOn = starts, EndsOn = ends, Email = "zqyj@example.gov.cn", PostalAddress = "青川县乔庄镇人民路1号",
                Questions = [new("您是否赞同？", QuestionKind.SingleChoice, ["赞同", "不赞同"]), new("其他意见", QuestionKind.FreeText, [])],
            }, "李编辑", null, now);
        var open = Make(today.AddDays(-3), today.AddDays(27), "关于《青川县农村危房改造实施办法（征求意见稿）》公开征求意见的公告");
        var closed = Make(today.AddDays(-40), today.AddDays(-5), "关于《青川县住房公积金缴存管理办法（征求意见稿）》公开征求意见的公告");
        foreach (var c in new[] { open, closed })
        {
            c.Submit(c.StartsOn.AddDays(-2), "李编辑", null, now);
            c.Approve(c.StartsOn.AddDays(-1), "王审核", null, now);
        }
        var draft = Make(today.AddDays(5), today.AddDays(40), "关于《青川县物业服务管理办法（征求意见稿）》公开征求意见的公告");
        db.Consultations.AddRange(open, closed, draft);
        await db.SaveChangesAsync();
        var comment = open.ReceiveOnline(new CommentDetails("建议提高补助标准。", "村民", true, null, null, null, null), today, now);
        db.ConsultationComments.Add(comment);
        await db.SaveChangesAsync();
        var withFeedback = await db.Consultations.Where(c => c.State == ConsultationState.FeedbackPublished).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var inReview = await db.Consultations.Where(c => c.State == ConsultationState.Submitted).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        return new ConsultationIds(open.Id, closed.Id, draft.Id, withFeedback, inReview);
    }
}
