using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests.Audit;

/// <summary>Who looks at a page: nobody signed in, or one of the demo staff accounts (README).</summary>
public enum Viewer
{
    Citizen,
    Editor,
    Reviewer,
    Admin,
}

/// <summary>
/// One kind of page the portal serves, with a real URL from the demo data (<see cref="AuditData"/>).
/// <paramref name="Route"/> is the route template of the action that renders it, so that
/// <see cref="PageTypes.Uncovered"/> notices a new page nobody added here.
/// <paramref name="Act"/>, if given, is done on the loaded page and its response is the page audited
/// (e.g. submitting an empty form to see the form with its errors).
/// </summary>
public sealed record PageType(
    string Name,
    Viewer Viewer,
    string Route,
    Func<AuditData, string> Url,
    int Status = 200,
    Func<IPage, Task<IResponse>>? Act = null)
{
    public override string ToString() => Name;
}

/// <summary>Every public and staff page type (issue 8's audit and validator run on each).</summary>
public static class PageTypes
{
    public static readonly IReadOnlyList<PageType> All =
    [
        // Public.
        new("home", Viewer.Citizen, "/", _ => "/"),
        new("domain", Viewer.Citizen, "/domains/{code}", _ => "/domains/rural-dilapidated-housing"),
        new("catalogue-item", Viewer.Citizen, "/items/{id:int}", d => $"/items/{d.ItemId}"),
        new("record-policy", Viewer.Citizen, "/records/{id:int}", d => $"/records/{d.PolicyId}"),
        new("record-interpretation", Viewer.Citizen, "/records/{id:int}", d => $"/records/{d.InterpretationId}"),
        new("disclosure", Viewer.Citizen, "/disclosure", _ => "/disclosure"),
        new("disclosure-en", Viewer.Citizen, "/disclosure", _ => "/disclosure?culture=en"),
        // 建议提案办理复文 (the 18th seeded column): its children, summary badges and the year filter.
        new("disclosure-column", Viewer.Citizen, "/columns/{id:int}", _ => "/columns/18"),
        new("disclosure-column-en", Viewer.Citizen, "/columns/{id:int}", _ => "/columns/18?culture=en"),
        new("policies", Viewer.Citizen, "/policies", _ => "/policies"),
        new("policies-by-number", Viewer.Citizen, "/policies", _ => "/policies?sort=number&validity=1"),
        new("powers", Viewer.Citizen, "/powers", _ => "/powers"),
        new("powers-en", Viewer.Citizen, "/powers", _ => "/powers?culture=en"),
        new("power", Viewer.Citizen, "/powers/{id:int}", d => $"/powers/{d.PowerId}"),
        new("power-en", Viewer.Citizen, "/powers/{id:int}", d => $"/powers/{d.PowerId}?culture=en"),
        new("policy-cleanups", Viewer.Citizen, "/policies/cleanups", _ => "/policies/cleanups"),
        new("policy-cleanups-en", Viewer.Citizen, "/policies/cleanups", _ => "/policies/cleanups?culture=en"),
        new("policy-cleanup", Viewer.Citizen, "/policies/cleanups/{id:int}", d => $"/policies/cleanups/{d.PublishedCleanupId}"),
        new("policy-cleanup-en", Viewer.Citizen, "/policies/cleanups/{id:int}", d => $"/policies/cleanups/{d.PublishedCleanupId}?culture=en"),
        new("service-guides", Viewer.Citizen, "/guides", _ => "/guides"),
        new("service-guides-en", Viewer.Citizen, "/guides", _ => "/guides?culture=en"),
        new("service-guide", Viewer.Citizen, "/guides/{id:int}", d => $"/guides/{d.GuideId}"),
        new("service-guide-en", Viewer.Citizen, "/guides/{id:int}", d => $"/guides/{d.GuideId}?culture=en"),
        new("departments", Viewer.Citizen, "/departments", _ => "/departments"),
        new("department", Viewer.Citizen, "/departments/{id:int}", d => $"/departments/{d.DepartmentId}"),
        // The housing bureau's 机构概况 shows two leaders' photos (demo data): their alt text in the English interface.
        new("department-en", Viewer.Citizen, "/departments/{id:int}", d => $"/departments/{d.DepartmentId}?culture=en"),
        new("organisations", Viewer.Citizen, "/organisations", _ => "/organisations"),
        new("organisations-en", Viewer.Citizen, "/organisations", _ => "/organisations?culture=en"),
        new("departments-townships", Viewer.Citizen, "/departments", _ => "/departments?level=Township"),
        new("township", Viewer.Citizen, "/townships/{id:int}", d => $"/townships/{d.TownshipId}"),
        new("township-en", Viewer.Citizen, "/townships/{id:int}", d => $"/townships/{d.TownshipId}?culture=en"),
        new("village", Viewer.Citizen, "/villages/{id:int}", d => $"/villages/{d.VillageId}"),
        new("village-en", Viewer.Citizen, "/villages/{id:int}", d => $"/villages/{d.VillageId}?culture=en"),
        new("search-results", Viewer.Citizen, "/search", _ => "/search?q=%E5%8D%B1%E6%88%BF"),
        new("search-no-results", Viewer.Citizen, "/search", _ => "/search?q=%E6%97%A0%E6%AD%A4%E8%AF%8D%E8%AF%AD%E5%96%B5"),
        // 分类统计 with a value chosen (its "取消" link), in both languages (issue 22).
        new("search-facet-chosen", Viewer.Citizen, "/search", _ => "/search?q=%E9%80%9A%E7%9F%A5&validity=1"),
        new("search-facet-chosen-en", Viewer.Citizen, "/search", _ => "/search?q=%E9%80%9A%E7%9F%A5&validity=1&culture=en"),
        // Nothing found for two words: each alone is suggested.
        new("search-suggestions", Viewer.Citizen, "/search", _ => "/search?q=%E5%8D%B1%E6%88%BF%20%E6%97%A0%E6%AD%A4%E8%AF%8D%E8%AF%AD%E5%96%B5"),
        new("search-suggestions-en", Viewer.Citizen, "/search", _ => "/search?q=%E5%8D%B1%E6%88%BF%20%E6%97%A0%E6%AD%A4%E8%AF%8D%E8%AF%AD%E5%96%B5&culture=en"),
        new("search-results-en", Viewer.Citizen, "/search", _ => "/search?q=%E5%8D%B1%E6%88%BF&culture=en"),
        // 低保: a seeded synonym (同时搜索了：最低生活保障), in both languages.
        new("search-synonyms", Viewer.Citizen, "/search", _ => "/search?q=%E4%BD%8E%E4%BF%9D"),
        new("search-synonyms-en", Viewer.Citizen, "/search", _ => "/search?q=%E4%BD%8E%E4%BF%9D&culture=en"),
        new("apply-form", Viewer.Citizen, "/apply", _ => "/apply"),
        // In English too: the application procedure's flowchart (issue 20 §5) is translated text drawn into an SVG.
        new("apply-form-en", Viewer.Citizen, "/apply", _ => "/apply?culture=en"),
        new("apply-form-errors", Viewer.Citizen, "/apply", _ => "/apply", 400, SubmitEmptyApplication),
        new("apply-done", Viewer.Citizen, "/apply/receipt/{code}", d => $"/apply/receipt/{d.QueryCode}"),
        new("track-form", Viewer.Citizen, "/track", _ => "/track"),
        new("track-case", Viewer.Citizen, "/track", d => $"/track?code={d.QueryCode}"),
        new("messages", Viewer.Citizen, "/messages", _ => "/messages"),
        new("messages-search", Viewer.Citizen, "/messages", _ => "/messages?q=%E5%85%AC%E4%BA%A4"),
        new("message", Viewer.Citizen, "/messages/{id:int}", d => $"/messages/{d.PublishedMessageId}"),
        new("message-write", Viewer.Citizen, "/messages/write", _ => "/messages/write"),
        new("message-write-errors", Viewer.Citizen, "/messages/write", _ => "/messages/write", 400, SubmitEmptyMessage),
        new("message-receipt", Viewer.Citizen, "/messages/receipt/{code}", d => $"/messages/receipt/{d.MessageCode}"),
        new("message-track-form", Viewer.Citizen, "/messages/track", _ => "/messages/track"),
        new("message-track", Viewer.Citizen, "/messages/track", d => $"/messages/track?code={d.MessageCode}"),
        new("guide", Viewer.Citizen, "/guide", _ => "/guide"),
        new("guide-en", Viewer.Citizen, "/guide", _ => "/guide?culture=en"),
        new("consultations", Viewer.Citizen, "/consultations", _ => "/consultations"),
        new("consultation-open", Viewer.Citizen, "/consultations/{id:int}", d => $"/consultations/{d.Consultations.Open}"),
        new("consultation-comment-errors", Viewer.Citizen, "/consultations/{id:int}", d => $"/consultations/{d.Consultations.Open}", 400, SubmitEmptyComment),
        new("consultation-feedback", Viewer.Citizen, "/consultations/{id:int}", d => $"/consultations/{d.Consultations.WithFeedback}"),
        new("annual-reports", Viewer.Citizen, "/annual-reports", _ => "/annual-reports"),
        new("annual-report", Viewer.Citizen, "/annual-reports/{year}", d => $"/annual-reports/{d.PublishedReportYear}"),
        // 按季通报 (issue 21 §3): the published list and quarter; a unit's editor sees its own line marked.
        new("quarterly-bulletins", Viewer.Citizen, "/reports/quarterly/published", _ => "/reports/quarterly/published"),
        new("quarterly-bulletin", Viewer.Citizen, "/reports/quarterly/published/{year}/{quarter}", d => $"/reports/quarterly/published/{d.BulletinPath}"),
        new("quarterly-bulletin-editor", Viewer.Editor, "/reports/quarterly/published/{year}/{quarter}", d => $"/reports/quarterly/published/{d.BulletinPath}"),
        new("statistics", Viewer.Citizen, "/statistics", _ => "/statistics"),
        // 评议 (issue 21 §5): the form posted without a grade comes back on its own page (400) with the error.
        new("record-rating-errors", Viewer.Citizen, "/records/{id:int}", d => $"/records/{d.PolicyId}", 400, SubmitEmptyRating),
        new("record-rating-errors-en", Viewer.Citizen, "/records/{id:int}", d => $"/records/{d.PolicyId}?culture=en", 400, SubmitEmptyRating),
        new("open-data", Viewer.Citizen, "/open-data", _ => "/open-data"),
        new("responses", Viewer.Citizen, "/responses", _ => "/responses"),
        new("press-conferences", Viewer.Citizen, "/press-conferences", _ => "/press-conferences"),
        new("login", Viewer.Citizen, "/account/login", _ => "/account/login"),
        new("error-404", Viewer.Citizen, "/error/{status:int}", _ => "/no-such-page", 404),
        new("error-400", Viewer.Citizen, "/error/{status:int}", _ => "/domains/health?stage=bogus", 400),
        new("access-denied", Viewer.Editor, "/account/denied", _ => "/account/denied", 403),

        // Department editor.
        new("editor-dashboard", Viewer.Editor, "/manage", _ => "/manage"),
        new("editor-records", Viewer.Editor, "/manage/records", _ => "/manage/records"),
        new("editor-record-new", Viewer.Editor, "/manage/records/new", _ => "/manage/records/new"),
        new("editor-interpretation-new", Viewer.Editor, "/manage/records/new", _ => "/manage/records/new?kind=3"),
        new("editor-record", Viewer.Editor, "/manage/records/{id:int}", d => $"/manage/records/{d.EditorRecordId}"),
        new("editor-record-edit", Viewer.Editor, "/manage/records/{id:int}/edit", d => $"/manage/records/{d.EditorDraftId}/edit"),
        // 三同步 (issue 21 §6): a policy draft's page with the 解读方案 form, and the form posted without one (400).
        new("editor-record-policy-draft", Viewer.Editor, "/manage/records/{id:int}", d => $"/manage/records/{d.PolicyDraftId}"),
        new("editor-record-policy-draft-en", Viewer.Editor, "/manage/records/{id:int}", d => $"/manage/records/{d.PolicyDraftId}?culture=en"),
        new("editor-record-policy-draft-errors", Viewer.Editor, "/manage/records/{id:int}", d => $"/manage/records/{d.PolicyDraftId}", 400, SubmitWithoutPlan),
        new("editor-interpretations-due", Viewer.Editor, "/manage/interpretations", _ => "/manage/interpretations"),
        new("editor-profile", Viewer.Editor, "/manage/profile", _ => "/manage/profile"),
        new("editor-profile-en", Viewer.Editor, "/manage/profile", _ => "/manage/profile?culture=en"),
        new("editor-profile-edit", Viewer.Editor, "/manage/profile/edit", _ => "/manage/profile/edit"),
        new("editor-profile-edit-en", Viewer.Editor, "/manage/profile/edit", _ => "/manage/profile/edit?culture=en"),
        new("editor-profile-version", Viewer.Editor, "/manage/profiles/{id:int}", d => $"/manage/profiles/{d.PublishedProfileId}"),
        new("editor-profile-version-en", Viewer.Editor, "/manage/profiles/{id:int}", d => $"/manage/profiles/{d.PublishedProfileId}?culture=en"),
        new("reviewer-profile", Viewer.Reviewer, "/manage/profiles/{id:int}", d => $"/manage/profiles/{d.SubmittedProfileId}"),
        new("reviewer-profile-en", Viewer.Reviewer, "/manage/profiles/{id:int}", d => $"/manage/profiles/{d.SubmittedProfileId}?culture=en"),
        new("editor-powers", Viewer.Editor, "/manage/powers", _ => "/manage/powers"),
        new("editor-power-new", Viewer.Editor, "/manage/powers/new", _ => "/manage/powers/new"),
        new("editor-power", Viewer.Editor, "/manage/powers/{id:int}", d => $"/manage/powers/{d.PowerId}"),
        new("editor-power-edit", Viewer.Editor, "/manage/powers/{id:int}/edit", d => $"/manage/powers/{d.PowerId}/edit"),
        new("reviewer-power", Viewer.Reviewer, "/manage/powers/{id:int}", d => $"/manage/powers/{d.SubmittedPowerId}"),
        new("reviewer-cleanups", Viewer.Reviewer, "/manage/policy-cleanups", _ => "/manage/policy-cleanups"),
        new("reviewer-cleanups-en", Viewer.Reviewer, "/manage/policy-cleanups", _ => "/manage/policy-cleanups?culture=en"),
        new("reviewer-cleanup-new", Viewer.Reviewer, "/manage/policy-cleanups/new", _ => "/manage/policy-cleanups/new"),
        new("reviewer-cleanup-new-en", Viewer.Reviewer, "/manage/policy-cleanups/new", _ => "/manage/policy-cleanups/new?culture=en"),
        new("reviewer-cleanup", Viewer.Reviewer, "/manage/policy-cleanups/{id:int}", d => $"/manage/policy-cleanups/{d.DraftCleanupId}"),
        new("reviewer-cleanup-en", Viewer.Reviewer, "/manage/policy-cleanups/{id:int}", d => $"/manage/policy-cleanups/{d.DraftCleanupId}?culture=en"),
        new("reviewer-cleanup-edit", Viewer.Reviewer, "/manage/policy-cleanups/{id:int}/edit", d => $"/manage/policy-cleanups/{d.DraftCleanupId}/edit"),
        new("reviewer-cleanup-edit-en", Viewer.Reviewer, "/manage/policy-cleanups/{id:int}/edit", d => $"/manage/policy-cleanups/{d.DraftCleanupId}/edit?culture=en"),
        new("editor-guides", Viewer.Editor, "/manage/guides", _ => "/manage/guides"),
        new("editor-guides-en", Viewer.Editor, "/manage/guides", _ => "/manage/guides?culture=en"),
        new("editor-guide-new", Viewer.Editor, "/manage/guides/new", _ => "/manage/guides/new"),
        new("editor-guide", Viewer.Editor, "/manage/guides/{id:int}", d => $"/manage/guides/{d.DraftGuideId}"),
        new("editor-guide-edit", Viewer.Editor, "/manage/guides/{id:int}/edit", d => $"/manage/guides/{d.DraftGuideId}/edit"),
        new("editor-guide-edit-en", Viewer.Editor, "/manage/guides/{id:int}/edit", d => $"/manage/guides/{d.DraftGuideId}/edit?culture=en"),
        new("reviewer-guide", Viewer.Reviewer, "/manage/guides/{id:int}", d => $"/manage/guides/{d.SubmittedGuideId}"),
        new("editor-consultations", Viewer.Editor, "/manage/consultations", _ => "/manage/consultations"),
        new("editor-consultation-new", Viewer.Editor, "/manage/consultations/new", _ => "/manage/consultations/new"),
        new("editor-consultation", Viewer.Editor, "/manage/consultations/{id:int}", d => $"/manage/consultations/{d.Consultations.Open}"),
        new("editor-consultation-edit", Viewer.Editor, "/manage/consultations/{id:int}/edit", d => $"/manage/consultations/{d.Consultations.Draft}/edit"),
        new("editor-consultation-enter", Viewer.Editor, "/manage/consultations/{id:int}/comments/new", d => $"/manage/consultations/{d.Consultations.Open}/comments/new"),
        new("editor-consultation-feedback", Viewer.Editor, "/manage/consultations/{id:int}/feedback", d => $"/manage/consultations/{d.Consultations.Closed}/feedback"),
        new("editor-items", Viewer.Editor, "/manage/items", _ => "/manage/items"),
        new("editor-messages", Viewer.Editor, "/manage/messages", _ => "/manage/messages"),
        new("editor-ratings", Viewer.Editor, "/manage/ratings", _ => "/manage/ratings"),
        new("editor-ratings-en", Viewer.Editor, "/manage/ratings", _ => "/manage/ratings?culture=en"),
        new("editor-message", Viewer.Editor, "/staff/messages/{id:int}", d => $"/staff/messages/{d.MessageId}"),
        new("editor-item-new", Viewer.Editor, "/manage/items/new", _ => "/manage/items/new"),
        new("editor-item-edit", Viewer.Editor, "/manage/items/{id:int}/edit", d => $"/manage/items/{d.EditorItemId}/edit"),
        new("editor-item-history", Viewer.Editor, "/manage/items/{id:int}/history", d => $"/manage/items/{d.EditorItemId}/history"),

        // Office reviewer.
        new("reviewer-dashboard", Viewer.Reviewer, "/manage", _ => "/manage"),
        new("review-queue", Viewer.Reviewer, "/review", _ => "/review"),
        new("review-version", Viewer.Reviewer, "/review/versions/{id:int}", d => $"/review/versions/{d.ReviewVersionId}"),
        // The printable 信息发布登记记录表 of a published 行政规范性文件 (issue 21 §6): four steps, 领导审签 last.
        new("review-record", Viewer.Reviewer, "/review/versions/{id:int}/record", d => $"/review/versions/{d.PublishedPolicyVersionId}/record"),
        new("review-queue-waiting", Viewer.Reviewer, "/review", _ => "/review?waiting=me"),
        new("review-consultation", Viewer.Reviewer, "/manage/consultations/{id:int}", d => $"/manage/consultations/{d.Consultations.InReview}"),
        new("review-withheld", Viewer.Reviewer, "/review/withheld", _ => "/review/withheld"),
        new("review-interpretations-due", Viewer.Reviewer, "/review/interpretations", _ => "/review/interpretations"),
        new("office-dashboard", Viewer.Reviewer, "/office", _ => "/office"),
        new("office-deadlines", Viewer.Reviewer, "/office/deadlines", _ => "/office/deadlines"),
        new("office-messages", Viewer.Reviewer, "/office/messages", _ => "/office/messages"),
        new("staff-ratings", Viewer.Reviewer, "/staff/ratings", _ => "/staff/ratings"),
        new("staff-ratings-en", Viewer.Reviewer, "/staff/ratings", _ => "/staff/ratings?culture=en"),
        new("office-message", Viewer.Reviewer, "/staff/messages/{id:int}", d => $"/staff/messages/{d.MessageId}"),
        new("cases", Viewer.Reviewer, "/cases", _ => "/cases"),
        new("case", Viewer.Reviewer, "/cases/{id:int}", d => $"/cases/{d.CaseId}"),
        new("case-register", Viewer.Reviewer, "/cases/new", _ => "/cases/new"),
        new("case-calendar-corrections", Viewer.Reviewer, "/cases/calendar-corrections", _ => "/cases/calendar-corrections"),
        new("annual-report-office", Viewer.Reviewer, "/reports/annual", _ => "/reports/annual"),
        new("annual-report-editor", Viewer.Reviewer, "/reports/annual/{year}", d => $"/reports/annual/{d.DraftReportYear}"),
        new("annual-report-review", Viewer.Reviewer, "/reports/annual/{year}", d => $"/reports/annual/{d.SubmittedReportYear}"),
        new("annual-report-units", Viewer.Reviewer, "/reports/annual/{year}/units", d => $"/reports/annual/{d.DraftReportYear}/units"),
        new("annual-report-township", Viewer.Reviewer, "/reports/annual/{year}/units", d => $"/reports/annual/{d.DraftReportYear}/units?unit={d.TownshipId}"),
        new("quarterly-reports", Viewer.Reviewer, "/reports/quarterly", _ => "/reports/quarterly"),
        new("quarterly-report-township", Viewer.Reviewer, "/reports/quarterly/{year}/{quarter}", d => $"/reports/quarterly/{d.QuarterYear}/q1?unit={d.TownshipId}"),
        new("quarterly-report", Viewer.Reviewer, "/reports/quarterly/{year}/{quarter}", d => $"/reports/quarterly/{d.QuarterYear}/q1"),
        new("quarterly-report-frozen", Viewer.Reviewer, "/reports/quarterly/{year}/{quarter}", d => $"/reports/quarterly/{d.FrozenBulletinPath}"),
        new("quarterly-report-published", Viewer.Reviewer, "/reports/quarterly/{year}/{quarter}", d => $"/reports/quarterly/{d.BulletinPath}"),
        new("quarterly-department", Viewer.Reviewer, "/reports/quarterly/{year}/{quarter}/departments/{department}",
            d => $"/reports/quarterly/{d.QuarterYear}/q1/departments/{d.DepartmentId}"),

        // Administrator.
        new("admin-departments", Viewer.Admin, "/admin/departments", _ => "/admin/departments"),
        new("admin-department-new", Viewer.Admin, "/admin/departments/new", _ => "/admin/departments/new"),
        new("admin-department-edit", Viewer.Admin, "/admin/departments/{id:int}/edit", d => $"/admin/departments/{d.DepartmentId}/edit"),
        new("admin-users", Viewer.Admin, "/admin/users", _ => "/admin/users"),
        new("admin-user-new", Viewer.Admin, "/admin/users/new", _ => "/admin/users/new"),
        new("admin-user-edit", Viewer.Admin, "/admin/users/{id}/edit", d => $"/admin/users/{d.EditorUserId}/edit"),
        new("admin-user-password", Viewer.Admin, "/admin/users/{id}/password", d => $"/admin/users/{d.EditorUserId}/password"),
        new("admin-calendar", Viewer.Admin, "/admin/calendar", _ => "/admin/calendar"),
        new("admin-calendar-year", Viewer.Admin, "/admin/calendar/{year}", d => $"/admin/calendar/{d.CalendarYear}"),
        new("admin-sensitive-words", Viewer.Admin, "/admin/sensitive-words", _ => "/admin/sensitive-words"),
        new("admin-search-synonyms", Viewer.Admin, "/admin/search-synonyms", _ => "/admin/search-synonyms"),
        new("admin-site", Viewer.Admin, "/admin/site", _ => "/admin/site"),
        new("admin-reminders", Viewer.Admin, "/admin/reminders", _ => "/admin/reminders"),
        new("admin-review-chain", Viewer.Admin, "/admin/review-chain", _ => "/admin/review-chain"),
        new("admin-columns", Viewer.Admin, "/admin/columns", _ => "/admin/columns"),
        new("admin-column-edit", Viewer.Admin, "/admin/columns/{id:int}/edit", _ => "/admin/columns/19/edit"),
        new("admin-audit", Viewer.Admin, "/admin/audit", _ => "/admin/audit"),
        new("admin-audit-check", Viewer.Admin, "/admin/audit", _ => "/admin/audit", Act: CheckAuditChain),
        new("admin-outbox", Viewer.Admin, "/admin/outbox", _ => "/admin/outbox"),
        new("admin-outbox-failed", Viewer.Admin, "/admin/outbox", _ => "/admin/outbox?state=failed"),

        // Expected publications (issue 21 §1): an item's periods, and the office's 本期无信息 queue.
        new("item-expectations", Viewer.Editor, "/manage/items/{id:int}/expectations", d => $"/manage/items/{d.PeriodicItemId}/expectations"),
        new("item-expectations-en", Viewer.Editor, "/manage/items/{id:int}/expectations", d => $"/manage/items/{d.PeriodicItemId}/expectations?culture=en"),
        new("office-expectations", Viewer.Reviewer, "/office/expectations", _ => "/office/expectations?outcome=missing"),
        new("office-expectations-en", Viewer.Reviewer, "/office/expectations", _ => "/office/expectations?culture=en"),
        new("manage-expectations", Viewer.Editor, "/manage/expectations", _ => "/manage/expectations"),
        new("item-expectations-event", Viewer.Editor, "/manage/items/{id:int}/expectations", d => $"/manage/items/{d.EventItemId}/expectations"),
        new("item-expectations-event-error", Viewer.Editor, "/manage/items/{id:int}/expectations", d => $"/manage/items/{d.EventItemId}/expectations", Status: 400,
            Act: SubmitFutureEvent),
        new("review-waivers", Viewer.Reviewer, "/review/waivers", _ => "/review/waivers"),
        new("review-waivers-en", Viewer.Reviewer, "/review/waivers", _ => "/review/waivers?culture=en"),

        // 考核 (issue 21 §4): the schemes, a year's indicators and one indicator; the office's results; a unit's breakdown; the public results.
        new("admin-assessments", Viewer.Admin, "/admin/assessments", _ => "/admin/assessments"),
        new("admin-assessment-scheme", Viewer.Admin, "/admin/assessments/{year}", d => $"/admin/assessments/{d.QuarterYear}"),
        new("admin-assessment-scheme-en", Viewer.Admin, "/admin/assessments/{year}", d => $"/admin/assessments/{d.QuarterYear}?culture=en"),
        new("admin-assessment-indicator", Viewer.Admin, "/admin/assessments/{year}/indicators/{id}", d => $"/admin/assessments/{d.QuarterYear}/indicators/{d.AssessmentIndicatorId}"),
        new("assessments", Viewer.Reviewer, "/assessments", _ => "/assessments"),
        new("assessment-office", Viewer.Reviewer, "/assessments/{year}", d => $"/assessments/{d.QuarterYear}"),
        new("assessment-office-en", Viewer.Reviewer, "/assessments/{year}", d => $"/assessments/{d.QuarterYear}?culture=en"),
        new("assessment-unit", Viewer.Reviewer, "/assessments/{year}/units/{id}", d => $"/assessments/{d.QuarterYear}/units/{d.DepartmentId}"),
        new("assessment-own", Viewer.Editor, "/manage/assessment", _ => "/manage/assessment"),
        new("assessment-own-en", Viewer.Editor, "/manage/assessment", _ => "/manage/assessment?culture=en"),
        new("assessment-published", Viewer.Citizen, "/assessments/{year}/published", d => $"/assessments/{d.QuarterYear - 1}/published"),
        new("assessment-published-en", Viewer.Citizen, "/assessments/{year}/published", d => $"/assessments/{d.QuarterYear - 1}/published?culture=en"),

        // Staff notifications (issue 19): the office's and a department's.
        new("notifications-reviewer", Viewer.Reviewer, "/notifications", _ => "/notifications"),
        new("notifications-editor", Viewer.Editor, "/notifications", _ => "/notifications"),
    ];

    /// <summary>GET routes that answer with something other than an HTML page, or that are another page type under a second address.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotPageTypes = new Dictionary<string, string>
    {
        ["/feeds/all.atom"] = "Atom feed",
        ["/feeds/interpretations.atom"] = "Atom feed",
        ["/feeds/responses.atom"] = "Atom feed",
        ["/feeds/press-conferences.atom"] = "Atom feed",
        ["/feeds/domains/{code}.atom"] = "Atom feed",
        ["/feeds/departments/{id}.atom"] = "Atom feed",
        ["/records/{id:int}/qr.svg"] = "SVG image",
        ["/organisations/photos/{id:int}/{hash}"] = "JPEG/PNG image (a leader's photo)",
        ["/annual-reports/{year}.{format}"] = "xlsx/docx download",
        ["/reports/quarterly/published/{year}/{quarter}.{format}"] = "xlsx/docx download of the published 按季通报",
        ["/open-data/records.{format}"] = "CSV/JSON download",
        ["/open-data/catalogue.{format}"] = "CSV/JSON download",
        ["/open-data/standard-directory.xlsx"] = "xlsx download",
        ["/attachments/{id:int}"] = "file download",
        ["/guides/handbook/{code}"] = "docx download (办事一本通)",
        ["/guides/{id:int}/templates/{templateId:int}"] = "file download (a guide material's template)",
        ["/manage/guides/{id:int}/templates/{templateId:int}"] = "file download (a draft guide material's template, for its editors and reviewers)",
        ["/manage/attachments/{attachmentId:int}"] = "file download",
        ["/track/{code}/files/{file:int}"] = "file download (a reply's file, behind the query code)",
        ["/cases/{id:int}/files/{file:int}"] = "file download (a reply's file, for the office)",
        ["/consultations/{id:int}/attachments/{attachmentId:int}"] = "file download (a consultation draft's material, once public)",
        ["/manage/consultations/{id:int}/attachments/{attachmentId:int}"] = "file download (a consultation draft's material, for its department)",
        ["/admin/calendar/{year}/export"] = "JSON download",
        ["/culture/{culture}"] = "redirect (language switch)",
        ["/accessibility/mode"] = "redirect (长辈版 switch; the pages it returns to are audited in both modes)",
        ["/accessibility/size"] = "redirect (font size switch)",
        ["/accessibility/contrast"] = "redirect (contrast switch)",
        ["/accessibility/reset"] = "redirect (accessibility settings reset)",
        ["/messages/receipt"] = "the receipt view of message-receipt without a code (what a bot filling the honeypot is shown)",
        ["/setup"] = "the first-time setup: only on a fresh install without demo data, audited (axe, html-validate) in FreshInstallJourneyTests",
        ["/apply/receipt"] = "the receipt view of apply-done without a code (what a bot filling the honeypot is shown)",
    };

    public static IEnumerable<object[]> Names => All.Select(p => new object[] { p.Name });

    public static PageType Named(string name) => All.Single(p => p.Name == name);

    /// <summary>The app's GET route templates that are neither a page type here nor listed in <see cref="NotPageTypes"/>.</summary>
    public static IReadOnlyList<string> Uncovered(IEnumerable<string> getRoutes)
    {
        var known = All.Select(p => Normalise(p.Route)).Concat(NotPageTypes.Keys.Select(Normalise)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return getRoutes.Select(Normalise).Where(r => !known.Contains(r)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static string Normalise(string route) => "/" + route.Trim('/');

    /// <summary>Runs 检查审计链: the report page (ADR 23).</summary>
    private static async Task<IResponse> CheckAuditChain(IPage page)
    {
        var button = page.Locator("form[action='/admin/audit/check'] button[type=submit]");
        // Said plainly rather than as a 30-second click timeout if the audit page did not come (e.g. signed out).
        if (await button.CountAsync() != 1)
            throw new InvalidOperationException($"admin-audit-check: {page.Url} (\"{await page.TitleAsync()}\") has no 检查审计链 button");
        return await page.RunAndWaitForResponseAsync(
            () => button.ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/admin/audit/check", StringComparison.Ordinal));
    }

    /// <summary>Records an event dated in the future: the item's page comes back (400) with the error and what was typed.</summary>
    private static async Task<IResponse> SubmitFutureEvent(IPage page)
    {
        await page.Locator("#OccurredOn").FillAsync("2099-01-01");
        return await page.RunAndWaitForResponseAsync(
            () => page.Locator("#event button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/events", StringComparison.Ordinal));
    }

    /// <summary>Submits the message form empty: it comes back (400) with every error shown.</summary>
    private static Task<IResponse> SubmitEmptyMessage(IPage page) =>
        page.RunAndWaitForResponseAsync(
            () => page.Locator("main form.stacked-form button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/messages/write", StringComparison.Ordinal));

    /// <summary>Submits the application form empty: it comes back (400) with every error shown.</summary>
    private static Task<IResponse> SubmitEmptyComment(IPage page) =>
        page.RunAndWaitForResponseAsync(
            () => page.Locator("#comment-form button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/consultations/", StringComparison.Ordinal));

    /// <summary>Submits a record's 评议 form without a grade: the rating page comes back (400) with the error.</summary>
    private static Task<IResponse> SubmitEmptyRating(IPage page) =>
        page.RunAndWaitForResponseAsync(
            () => page.Locator("form.rating-form button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/rating", StringComparison.Ordinal));

    private static Task<IResponse> SubmitWithoutPlan(IPage page) =>
        page.RunAndWaitForResponseAsync(
            () => page.Locator(".three-sync form button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/submit", StringComparison.Ordinal));

    private static Task<IResponse> SubmitEmptyApplication(IPage page) =>
        page.RunAndWaitForResponseAsync(
            () => page.Locator("form.apply-form button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/apply", StringComparison.Ordinal));
}
