using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.Security;

/// <summary>Who may use an endpoint, and a URL that reaches it with real ids ({name}: <see cref="Samples"/>).</summary>
/// <param name="Allowed">The callers who get the page; everyone else is refused.</param>
/// <param name="Url">The URL with sample ids; for POSTs the action a form posts to.</param>
/// <param name="Scoped">
/// The check is against the specific item's department (ADR 6): a refusal may be a 404 as well as a 403, so that another
/// department's drafts do not show they exist.
/// </param>
/// <param name="RefusalPage">The page is itself the "无权访问" page: its answer to everyone is a 403.</param>
public sealed record Access(Who Allowed, string Url, bool Scoped = false, bool RefusalPage = false);

/// <summary>One endpoint as the app's routing knows it.</summary>
public sealed record AppEndpoint(string Method, string Pattern, RouteEndpoint Endpoint)
{
    public string Key => $"{Method} {Pattern}";

    public ControllerActionDescriptor? Action => Endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();

    public override string ToString() => Key;
}

/// <summary>
/// Every endpoint of the app, classified. A new endpoint that is not in <see cref="Classes"/> fails the matrix test with
/// its name, so it cannot be forgotten; an entry whose endpoint disappeared fails it too.
/// </summary>
public static class EndpointTable
{
    private const Who Everyone = Who.Everyone;
    private const Who Staff = Who.Staff;
    private const Who Editors = Who.Editors;
    private const Who Editor = Who.Editor;
    private const Who Reviewer = Who.Reviewer;
    private const Who Admin = Who.Admin;
    private const Who Reviewing = Who.Reviewing;

    public static readonly IReadOnlyDictionary<string, Access> Classes = new Dictionary<string, Access>(StringComparer.Ordinal)
    {
        // Public site
        ["GET /"] = new(Everyone, "/"),
        ["GET /guide"] = new(Everyone, "/guide"),
        ["* /error/{status:int}"] = new(Everyone, "/error/404"),
        ["GET /culture/{culture}"] = new(Everyone, "/culture/zh-CN?returnUrl=%2Fsearch"),
        ["GET /accessibility/mode"] = new(Everyone, "/accessibility/mode?value=standard&returnUrl=%2F"),
        ["GET /accessibility/size"] = new(Everyone, "/accessibility/size?value=normal&returnUrl=%2F"),
        ["GET /accessibility/contrast"] = new(Everyone, "/accessibility/contrast?value=normal&returnUrl=%2F"),
        ["GET /accessibility/reset"] = new(Everyone, "/accessibility/reset?returnUrl=%2F"),
        ["GET /statistics"] = new(Everyone, "/statistics"),
        ["GET /search"] = new(Everyone, "/search?q=%E4%BD%8F%E6%88%BF"),
        ["GET /records/{id:int}"] = new(Everyone, "/records/{published}"),
        ["GET /records/{id:int}/qr.svg"] = new(Everyone, "/records/{published}/qr.svg"),
        ["GET /attachments/{id:int}"] = new(Everyone, "/attachments/{attachment}"), // a draft's: 404 for everyone
        ["GET /departments"] = new(Everyone, "/departments"),
        ["GET /departments/{id:int}"] = new(Everyone, "/departments/{housing}"),
        ["GET /domains/{code}"] = new(Everyone, "/domains/{domain}"),
        ["GET /policies"] = new(Everyone, "/policies?sort=number"),
        ["GET /items/{id:int}"] = new(Everyone, "/items/{item}"),
        ["GET /open-data"] = new(Everyone, "/open-data"),
        ["GET /open-data/records.{format}"] = new(Everyone, "/open-data/records.csv"),
        ["GET /open-data/catalogue.{format}"] = new(Everyone, "/open-data/catalogue.csv"),
        ["GET /open-data/standard-directory.xlsx"] = new(Everyone, "/open-data/standard-directory.xlsx"),
        ["GET /feeds/all.atom"] = new(Everyone, "/feeds/all.atom"),
        ["GET /feeds/interpretations.atom"] = new(Everyone, "/feeds/interpretations.atom"),
        ["GET /feeds/responses.atom"] = new(Everyone, "/feeds/responses.atom"),
        ["GET /feeds/press-conferences.atom"] = new(Everyone, "/feeds/press-conferences.atom"),
        ["GET /responses"] = new(Everyone, "/responses"),
        ["GET /press-conferences"] = new(Everyone, "/press-conferences"),
        ["GET /disclosure"] = new(Everyone, "/disclosure"),
        ["GET /columns/{id:int}"] = new(Everyone, "/columns/{column}"),
        ["GET /feeds/domains/{code}.atom"] = new(Everyone, "/feeds/domains/{domain}.atom"),
        ["GET /feeds/departments/{id}.atom"] = new(Everyone, "/feeds/departments/{housing}.atom"),
        ["GET /annual-reports"] = new(Everyone, "/annual-reports"),
        ["GET /annual-reports/{year}"] = new(Everyone, "/annual-reports/{annualYear}"),
        ["GET /annual-reports/{year}.{format}"] = new(Everyone, "/annual-reports/{annualYear}.pdf"),
        ["GET /reports/quarterly/published"] = new(Everyone, "/reports/quarterly/published"),
        ["GET /reports/quarterly/published/{year}/{quarter}"] = new(Everyone, "/reports/quarterly/published/{bulletin}"),
        ["GET /reports/quarterly/published/{year}/{quarter}.{format}"] = new(Everyone, "/reports/quarterly/published/{bulletin}.xlsx"),
        ["GET /consultations"] = new(Everyone, "/consultations"),
        ["GET /consultations/{id:int}"] = new(Everyone, "/consultations/{consultation}"),
        ["POST /consultations/{id:int}"] = new(Everyone, "/consultations/{consultation}"),
        ["GET /consultations/{id:int}/attachments/{attachmentId:int}"] = new(Everyone, "/consultations/{draftConsultation}/attachments/{consultationAttachment}"), // a draft's: 404 for everyone
        ["GET /apply"] = new(Everyone, "/apply"),
        ["POST /apply"] = new(Everyone, "/apply"),
        ["GET /apply/receipt"] = new(Everyone, "/apply/receipt"),
        ["GET /apply/receipt/{code}"] = new(Everyone, "/apply/receipt/{code}"),
        ["GET /track"] = new(Everyone, "/track?code={code}"),
        ["GET /messages"] = new(Everyone, "/messages?q=%E5%85%AC%E4%BA%A4"),
        ["GET /messages/write"] = new(Everyone, "/messages/write"),
        ["POST /messages/write"] = new(Everyone, "/messages/write"),
        ["GET /messages/receipt"] = new(Everyone, "/messages/receipt"),
        ["GET /messages/receipt/{code}"] = new(Everyone, "/messages/receipt/{messageCode}"),
        ["GET /messages/track"] = new(Everyone, "/messages/track?code={messageCode}"),
        // 评议 (issue 21 §5): anyone on a record; whoever holds the 查询码 on an answered application or message
        // (the samples' are not answered yet: a Chinese 400 for everyone, as the tracking page has no form).
        ["POST /records/{id:int}/rating"] = new(Everyone, "/records/{published}/rating"),
        ["POST /track/{code}/rating"] = new(Everyone, "/track/{code}/rating"),
        ["POST /messages/track/{code}/rating"] = new(Everyone, "/messages/track/{messageCode}/rating"),
        ["GET /messages/{id:int}"] = new(Everyone, "/messages/{publishedMessage}"),
        ["GET /track/{code}/files/{file:int}"] = new(Everyone, "/track/{code}/files/{attachment}"), // a reply's file: 404 unless it is this code's
        ["GET /account/login"] = new(Everyone, "/account/login?returnUrl=%2Fmanage"),
        ["POST /account/login"] = new(Everyone, "/account/login"),
        ["GET /account/denied"] = new(Everyone, "/account/denied", RefusalPage: true),
        ["* /healthz"] = new(Everyone, "/healthz"),
        ["* /healthz/live"] = new(Everyone, "/healthz/live"),
        ["* /healthz/ready"] = new(Everyone, "/healthz/ready"),

        // Any signed-in staff member
        ["GET /manage"] = new(Staff, "/manage"),
        ["POST /account/logout"] = new(Staff, "/account/logout"),

        // Department editors: their own department's records and catalogue items
        // 机构概况 (issue 20 §2): editors keep their own unit's profile; the office approves or returns it.
        ["GET /organisations"] = new(Everyone, "/organisations"),
        // A leader's photo: a published version's to everyone; a draft's only to its unit's editors and the office (tests in UnitProfiles/LeaderPhotoTests).
        ["GET /organisations/photos/{id:int}/{hash}"] = new(Everyone, "/organisations/photos/{leaderPhoto}"),
        ["GET /townships/{id:int}"] = new(Everyone, "/townships/{township}"),
        ["GET /villages/{id:int}"] = new(Everyone, "/villages/{village}"),
        ["GET /manage/profile"] = new(Editors, "/manage/profile"),
        ["GET /manage/profile/edit"] = new(Editors, "/manage/profile/edit"),
        ["POST /manage/profile/edit"] = new(Editors, "/manage/profile/edit"),
        ["GET /manage/profiles/{id:int}"] = new(Editor | Reviewer, "/manage/profiles/{profile}", Scoped: true),
        ["POST /manage/profiles/{id:int}/submit"] = new(Editor, "/manage/profiles/{profile}/submit", Scoped: true),
        ["POST /manage/profiles/{id:int}/approve"] = new(Reviewer, "/manage/profiles/{submittedProfile}/approve"),
        ["POST /manage/profiles/{id:int}/return"] = new(Reviewer, "/manage/profiles/{submittedProfile}/return"),
        ["GET /powers"] = new(Everyone, "/powers"),
        ["GET /powers/{id:int}"] = new(Everyone, "/powers/{publishedPower}"),
        ["GET /guides"] = new(Everyone, "/guides"),
        ["GET /guides/{id:int}"] = new(Everyone, "/guides/{publishedGuide}"),
        ["GET /guides/handbook/{code}"] = new(Everyone, "/guides/handbook/social-assistance"),
        ["GET /guides/{id:int}/templates/{templateId:int}"] = new(Everyone, "/guides/{publishedGuide}/templates/{guideTemplate}"),
        ["GET /manage/powers"] = new(Editors, "/manage/powers"),
        ["GET /manage/powers/new"] = new(Editors, "/manage/powers/new"),
        ["POST /manage/powers/new"] = new(Editors, "/manage/powers/new"),
        ["GET /manage/powers/{id:int}"] = new(Editor | Reviewer, "/manage/powers/{power}", Scoped: true),
        ["GET /manage/powers/{id:int}/edit"] = new(Editor, "/manage/powers/{power}/edit", Scoped: true),
        ["POST /manage/powers/{id:int}/edit"] = new(Editor, "/manage/powers/{power}/edit", Scoped: true),
        ["POST /manage/powers/{id:int}/submit"] = new(Editor, "/manage/powers/{power}/submit", Scoped: true),
        ["POST /manage/powers/{id:int}/approve"] = new(Reviewer, "/manage/powers/{submittedPower}/approve"),
        ["POST /manage/powers/{id:int}/return"] = new(Reviewer, "/manage/powers/{submittedPower}/return"),
        // 规范性文件清理 (issue 20 §4): the office drafts, another reviewer decides; the public reads the published notices.
        ["GET /policies/cleanups"] = new(Everyone, "/policies/cleanups"),
        ["GET /policies/cleanups/{id:int}"] = new(Everyone, "/policies/cleanups/{publishedCleanup}"),
        ["GET /manage/policy-cleanups"] = new(Reviewer, "/manage/policy-cleanups"),
        ["GET /manage/policy-cleanups/new"] = new(Reviewer, "/manage/policy-cleanups/new"),
        ["POST /manage/policy-cleanups/new"] = new(Reviewer, "/manage/policy-cleanups/new"),
        ["GET /manage/policy-cleanups/{id:int}"] = new(Reviewer, "/manage/policy-cleanups/{cleanup}"),
        ["GET /manage/policy-cleanups/{id:int}/edit"] = new(Reviewer, "/manage/policy-cleanups/{cleanup}/edit"),
        ["POST /manage/policy-cleanups/{id:int}/edit"] = new(Reviewer, "/manage/policy-cleanups/{cleanup}/edit"),
        ["POST /manage/policy-cleanups/{id:int}/submit"] = new(Reviewer, "/manage/policy-cleanups/{cleanup}/submit"),
        ["POST /manage/policy-cleanups/{id:int}/approve"] = new(Reviewer, "/manage/policy-cleanups/{submittedCleanup}/approve"),
        ["POST /manage/policy-cleanups/{id:int}/return"] = new(Reviewer, "/manage/policy-cleanups/{submittedCleanup}/return"),
        ["GET /manage/guides"] = new(Editors, "/manage/guides"),
        ["GET /manage/guides/new"] = new(Editors, "/manage/guides/new"),
        ["POST /manage/guides/new"] = new(Editors, "/manage/guides/new"),
        ["GET /manage/guides/{id:int}"] = new(Editor | Reviewer, "/manage/guides/{guide}", Scoped: true),
        ["GET /manage/guides/{id:int}/edit"] = new(Editor, "/manage/guides/{guide}/edit", Scoped: true),
        ["POST /manage/guides/{id:int}/edit"] = new(Editor, "/manage/guides/{guide}/edit", Scoped: true),
        ["POST /manage/guides/{id:int}/submit"] = new(Editor, "/manage/guides/{guide}/submit", Scoped: true),
        ["POST /manage/guides/{id:int}/approve"] = new(Reviewer, "/manage/guides/{submittedGuide}/approve"),
        ["POST /manage/guides/{id:int}/return"] = new(Reviewer, "/manage/guides/{submittedGuide}/return"),
        ["GET /manage/guides/{id:int}/templates/{templateId:int}"] = new(Editor | Reviewer, "/manage/guides/{guide}/templates/{guideTemplate}", Scoped: true),
        ["GET /manage/consultations"] = new(Editors, "/manage/consultations"),
        ["GET /manage/consultations/new"] = new(Editors, "/manage/consultations/new"),
        ["POST /manage/consultations/new"] = new(Editors, "/manage/consultations/new"),
        ["GET /manage/consultations/{id:int}"] = new(Editor | Reviewer, "/manage/consultations/{consultation}", Scoped: true),
        ["GET /manage/consultations/{id:int}/edit"] = new(Editor, "/manage/consultations/{consultation}/edit", Scoped: true),
        ["POST /manage/consultations/{id:int}/edit"] = new(Editor, "/manage/consultations/{consultation}/edit", Scoped: true),
        ["POST /manage/consultations/{id:int}/submit"] = new(Editor, "/manage/consultations/{consultation}/submit", Scoped: true),
        ["POST /manage/consultations/{id:int}/approve"] = new(Reviewer, "/manage/consultations/{submittedConsultation}/approve"),
        ["POST /manage/consultations/{id:int}/return"] = new(Reviewer, "/manage/consultations/{submittedConsultation}/return"),
        ["GET /manage/consultations/{id:int}/comments/new"] = new(Editor, "/manage/consultations/{consultation}/comments/new", Scoped: true),
        ["POST /manage/consultations/{id:int}/comments/new"] = new(Editor, "/manage/consultations/{consultation}/comments/new", Scoped: true),
        ["POST /manage/consultations/{id:int}/comments/{commentId:long}"] = new(Editor, "/manage/consultations/{consultation}/comments/{consultationComment}", Scoped: true),
        ["GET /manage/consultations/{id:int}/feedback"] = new(Editor, "/manage/consultations/{consultation}/feedback", Scoped: true),
        ["POST /manage/consultations/{id:int}/feedback"] = new(Editor, "/manage/consultations/{consultation}/feedback", Scoped: true),
        ["POST /manage/consultations/{id:int}/decision"] = new(Editor, "/manage/consultations/{consultation}/decision", Scoped: true),
        ["POST /manage/consultations/{id:int}/attachments"] = new(Editor, "/manage/consultations/{draftConsultation}/attachments", Scoped: true),
        ["POST /manage/consultations/{id:int}/attachments/{attachmentId:int}/delete"] = new(Editor, "/manage/consultations/{draftConsultation}/attachments/{consultationAttachment}/delete", Scoped: true),
        ["GET /manage/consultations/{id:int}/attachments/{attachmentId:int}"] = new(Editor | Reviewer, "/manage/consultations/{draftConsultation}/attachments/{consultationAttachment}", Scoped: true),
        ["GET /manage/records"] = new(Editors, "/manage/records"),
        ["GET /manage/records/new"] = new(Editors, "/manage/records/new"),
        ["POST /manage/records/new"] = new(Editors, "/manage/records/new"),
        ["GET /manage/records/{id:int}"] = new(Editor | Reviewer, "/manage/records/{draft}", Scoped: true),
        ["GET /manage/records/{id:int}/edit"] = new(Editor, "/manage/records/{draft}/edit", Scoped: true),
        ["POST /manage/records/{id:int}/edit"] = new(Editor, "/manage/records/{draft}/edit", Scoped: true),
        ["POST /manage/records/{id:int}/submit"] = new(Editor, "/manage/records/{draft}/submit", Scoped: true),
        ["POST /manage/records/{id:int}/new-version"] = new(Editor, "/manage/records/{draft}/new-version", Scoped: true),
        ["POST /manage/records/{id:int}/attachments"] = new(Editor, "/manage/records/{draft}/attachments", Scoped: true),
        ["POST /manage/records/{id:int}/attachments/{attachmentId:int}/delete"] = new(Editor, "/manage/records/{draft}/attachments/{attachment}/delete", Scoped: true),
        ["GET /manage/attachments/{attachmentId:int}"] = new(Editor | Reviewer, "/manage/attachments/{attachment}", Scoped: true),
        ["GET /manage/items"] = new(Editors, "/manage/items"),
        ["GET /manage/items/new"] = new(Editors, "/manage/items/new"),
        ["POST /manage/items/new"] = new(Editors, "/manage/items/new"),
        ["GET /manage/items/{id:int}/edit"] = new(Editor, "/manage/items/{item}/edit", Scoped: true),
        ["POST /manage/items/{id:int}/edit"] = new(Editor, "/manage/items/{item}/edit", Scoped: true),
        ["POST /manage/items/{id:int}/retire"] = new(Editor, "/manage/items/{item}/retire", Scoped: true),
        ["GET /manage/items/{id:int}/history"] = new(Editor, "/manage/items/{item}/history", Scoped: true),
        ["GET /manage/items/{id:int}/expectations"] = new(Editor | Reviewer, "/manage/items/{periodicItem}/expectations", Scoped: true),
        ["POST /manage/items/{id:int}/events"] = new(Editor, "/manage/items/{periodicItem}/events", Scoped: true),
        ["POST /manage/items/{id:int}/expected-from"] = new(Editor, "/manage/items/{periodicItem}/expected-from", Scoped: true),
        ["GET /office/expectations"] = new(Reviewer, "/office/expectations?outcome=missing"),
        ["GET /manage/expectations"] = new(Editors, "/manage/expectations?outcome=missing"),
        ["POST /manage/items/{id:int}/waivers"] = new(Editor, "/manage/items/{periodicItem}/waivers", Scoped: true),
        ["GET /review/waivers"] = new(Reviewer, "/review/waivers"),
        ["POST /review/waivers/{id:int}/approve"] = new(Reviewer, "/review/waivers/{waiver}/approve"),
        ["POST /review/waivers/{id:int}/return"] = new(Reviewer, "/review/waivers/{waiver}/return"),
        ["GET /manage/interpretations"] = new(Editors, "/manage/interpretations"),

        // The disclosure office (reviewers)
        // The queue and each step's form: reviewers and leaders (issue 21 §6); the printable record of a published version: staff, an editor only their unit's.
        ["GET /review"] = new(Reviewing, "/review"),
        ["GET /review/versions/{id:int}"] = new(Reviewing, "/review/versions/{submittedVersion}"),
        ["POST /review/versions/{id:int}"] = new(Reviewing, "/review/versions/{submittedVersion}"),
        ["GET /review/versions/{id:int}/record"] = new(Admin | Reviewing | Editor, "/review/versions/{publishedVersion}/record", Scoped: true),
        ["GET /admin/review-chain"] = new(Admin, "/admin/review-chain"),
        ["POST /admin/review-chain"] = new(Admin, "/admin/review-chain"),
        ["POST /review/records/{recordId:int}/withdraw"] = new(Reviewer, "/review/records/{published}/withdraw"),
        ["GET /review/withheld"] = new(Reviewer, "/review/withheld"),
        ["POST /review/versions/{id:int}/reconsider"] = new(Reviewer, "/review/versions/{submittedVersion}/reconsider"),
        ["GET /review/interpretations"] = new(Reviewer, "/review/interpretations"),
        ["GET /office"] = new(Reviewer, "/office"),
        ["GET /office/deadlines"] = new(Reviewer, "/office/deadlines"),
        ["GET /cases"] = new(Reviewer, "/cases"),
        ["GET /cases/new"] = new(Reviewer, "/cases/new"),
        ["POST /cases/new"] = new(Reviewer, "/cases/new"),
        ["GET /cases/calendar-corrections"] = new(Reviewer, "/cases/calendar-corrections"),
        ["POST /cases/calendar-corrections"] = new(Reviewer, "/cases/calendar-corrections"),
        ["GET /cases/{id:int}"] = new(Reviewer, "/cases/{case}"),
        ["GET /office/messages"] = new(Reviewer, "/office/messages"),
        ["GET /admin/site"] = new(Admin, "/admin/site"),
        // 消息警示 (issue 21 §2, ADR 35)
        ["POST /office/urge/{subject}/{id:int}"] = new(Reviewer, "/office/urge/record/{draft}"),
        ["GET /admin/reminders"] = new(Admin, "/admin/reminders"),
        ["POST /admin/reminders"] = new(Admin, "/admin/reminders"),
        ["POST /admin/reminders/test"] = new(Admin, "/admin/reminders/test"),
        ["POST /admin/site"] = new(Admin, "/admin/site"),
        // The first-time setup: on a site that has been set up (every sample database), gone for everyone (404).
        ["GET /setup"] = new(Everyone, "/setup"),
        ["POST /setup"] = new(Everyone, "/setup"),
        ["GET /admin/sensitive-words"] = new(Admin, "/admin/sensitive-words"),
        ["POST /admin/sensitive-words"] = new(Admin, "/admin/sensitive-words"),
        ["POST /admin/sensitive-words/{id:int}/delete"] = new(Admin, "/admin/sensitive-words/{sensitiveWord}/delete"),
        ["GET /admin/search-synonyms"] = new(Admin, "/admin/search-synonyms"),
        ["POST /admin/search-synonyms"] = new(Admin, "/admin/search-synonyms"),
        ["POST /admin/search-synonyms/{id:int}/delete"] = new(Admin, "/admin/search-synonyms/{synonymGroup}/delete"),
        ["GET /admin/columns"] = new(Admin, "/admin/columns"),
        ["POST /admin/columns"] = new(Admin, "/admin/columns"),
        ["GET /admin/columns/{id:int}/edit"] = new(Admin, "/admin/columns/{column}/edit"),
        ["POST /admin/columns/{id:int}/edit"] = new(Admin, "/admin/columns/{column}/edit"),
        ["POST /admin/columns/{id:int}/up"] = new(Admin, "/admin/columns/{column}/up"),
        ["POST /admin/columns/{id:int}/down"] = new(Admin, "/admin/columns/{column}/down"),
        ["POST /admin/columns/{id:int}/retire"] = new(Admin, "/admin/columns/{column}/retire"),
        ["POST /admin/columns/{id:int}/reinstate"] = new(Admin, "/admin/columns/{column}/reinstate"),
        ["POST /admin/columns/{id:int}/delete"] = new(Admin, "/admin/columns/{column}/delete"),
        ["GET /manage/messages"] = new(Editors, "/manage/messages"),
        ["GET /manage/ratings"] = new(Editors, "/manage/ratings"),
        // 考核 (issue 21 §4): the office computes, scores and publishes; a unit reads its own breakdown; the public the published results.
        ["GET /assessments"] = new(Reviewer, "/assessments"),
        ["GET /assessments/{year}"] = new(Reviewer, "/assessments/{assessmentYear}"),
        ["POST /assessments/{year}/compute"] = new(Reviewer, "/assessments/{assessmentYear}/compute"),
        ["POST /assessments/{year}/manual-scores"] = new(Reviewer, "/assessments/{assessmentYear}/manual-scores"),
        ["POST /assessments/{year}/publish"] = new(Reviewer, "/assessments/{assessmentYear}/publish"),
        ["POST /assessments/{year}/unpublish"] = new(Reviewer, "/assessments/{assessmentYear}/unpublish"),
        ["GET /assessments/{year}/units/{id}"] = new(Reviewer | Editor, "/assessments/{assessmentYear}/units/{housing}", Scoped: true),
        ["GET /manage/assessment"] = new(Editors, "/manage/assessment"),
        ["GET /assessments/{year}/published"] = new(Everyone, "/assessments/{publishedAssessmentYear}/published"),
        ["GET /staff/ratings"] = new(Reviewer, "/staff/ratings"),
        ["POST /staff/ratings/{id:int}"] = new(Reviewer, "/staff/ratings/{rating}"),
        ["GET /staff/messages/{id:int}"] = new(Reviewer | Editor, "/staff/messages/{message}", Scoped: true),
        ["POST /staff/messages/{id:int}"] = new(Reviewer | Editor, "/staff/messages/{message}", Scoped: true),
        ["POST /cases/{id:int}/{verb}"] = new(Reviewer, "/cases/{case}/confirmreceipt"),
        ["GET /cases/{id:int}/files/{file:int}"] = new(Reviewer, "/cases/{case}/files/{attachment}"),
        ["GET /reports/quarterly"] = new(Reviewer, "/reports/quarterly"),
        ["GET /reports/quarterly/{year}/{quarter}"] = new(Reviewer, "/reports/quarterly/{quarterYear}/q1"),
        ["GET /reports/quarterly/{year}/{quarter}/departments/{department}"] = new(Reviewer | Editor, "/reports/quarterly/{quarterYear}/q1/departments/{housing}", Scoped: true),
        ["POST /reports/quarterly/{year}/{quarter}/freeze"] = new(Reviewer, "/reports/quarterly/{quarterYear}/q1/freeze"),
        ["POST /reports/quarterly/{year}/{quarter}/comment"] = new(Reviewer, "/reports/quarterly/{quarterYear}/q1/comment"),
        ["POST /reports/quarterly/{year}/{quarter}/publish"] = new(Reviewer, "/reports/quarterly/{quarterYear}/q1/publish"),
        ["GET /reports/annual"] = new(Reviewer, "/reports/annual"),
        ["GET /reports/annual/{year}"] = new(Reviewer, "/reports/annual/{annualYear}"),
        ["GET /reports/annual/{year}/units"] = new(Reviewer, "/reports/annual/{annualYear}/units"),
        ["POST /reports/annual/{year}"] = new(Reviewer, "/reports/annual/{annualYear}"),
        ["POST /reports/annual/{year}/submit"] = new(Reviewer, "/reports/annual/{annualYear}/submit"),
        ["POST /reports/annual/{year}/return"] = new(Reviewer, "/reports/annual/{annualYear}/return"),
        ["POST /reports/annual/{year}/publish"] = new(Reviewer, "/reports/annual/{annualYear}/publish"),

        // System administrators
        ["GET /admin/users"] = new(Admin, "/admin/users"),
        ["GET /admin/users/new"] = new(Admin, "/admin/users/new"),
        ["POST /admin/users/new"] = new(Admin, "/admin/users/new"),
        ["GET /admin/users/{id}/edit"] = new(Admin, "/admin/users/{user}/edit"),
        ["POST /admin/users/{id}/edit"] = new(Admin, "/admin/users/{user}/edit"),
        ["GET /admin/users/{id}/password"] = new(Admin, "/admin/users/{user}/password"),
        ["POST /admin/users/{id}/password"] = new(Admin, "/admin/users/{user}/password"),
        ["POST /admin/users/{id}/unlock"] = new(Admin, "/admin/users/{user}/unlock"),
        ["POST /admin/users/{id}/disable"] = new(Admin, "/admin/users/{user}/disable"),
        ["POST /admin/users/{id}/enable"] = new(Admin, "/admin/users/{user}/enable"),
        ["GET /admin/departments"] = new(Admin, "/admin/departments"),
        ["GET /admin/departments/new"] = new(Admin, "/admin/departments/new"),
        ["POST /admin/departments/new"] = new(Admin, "/admin/departments/new"),
        ["GET /admin/departments/{id:int}/edit"] = new(Admin, "/admin/departments/{department}/edit"),
        ["POST /admin/departments/{id:int}/edit"] = new(Admin, "/admin/departments/{department}/edit"),
        ["POST /admin/departments/{id:int}/deactivate"] = new(Admin, "/admin/departments/{department}/deactivate"),
        ["POST /admin/departments/{id:int}/reactivate"] = new(Admin, "/admin/departments/{department}/reactivate"),
        ["GET /admin/calendar"] = new(Admin, "/admin/calendar"),
        ["POST /admin/calendar"] = new(Admin, "/admin/calendar"),
        ["GET /admin/calendar/{year}"] = new(Admin, "/admin/calendar/{calendarYear}"),
        ["POST /admin/calendar/{year}/days"] = new(Admin, "/admin/calendar/{calendarYear}/days"),
        ["POST /admin/calendar/{year}/days/{date}/delete"] = new(Admin, "/admin/calendar/{calendarYear}/days/{calendarDay}/delete"),
        ["GET /admin/calendar/{year}/export"] = new(Admin, "/admin/calendar/{calendarYear}/export"),
        ["POST /admin/calendar/import"] = new(Admin, "/admin/calendar/import"),
        ["GET /admin/assessments"] = new(Admin, "/admin/assessments"),
        ["POST /admin/assessments"] = new(Admin, "/admin/assessments"),
        ["GET /admin/assessments/{year}"] = new(Admin, "/admin/assessments/{assessmentYear}"),
        ["POST /admin/assessments/{year}/indicators"] = new(Admin, "/admin/assessments/{assessmentYear}/indicators"),
        ["GET /admin/assessments/{year}/indicators/{id}"] = new(Admin, "/admin/assessments/{assessmentYear}/indicators/{indicator}"),
        ["POST /admin/assessments/{year}/indicators/{id}"] = new(Admin, "/admin/assessments/{assessmentYear}/indicators/{indicator}"),
        ["POST /admin/assessments/{year}/indicators/{id}/remove"] = new(Admin, "/admin/assessments/{assessmentYear}/indicators/{indicator}/remove"),
        ["GET /admin/audit"] = new(Admin, "/admin/audit"),
        ["POST /admin/audit/check"] = new(Admin, "/admin/audit/check"),
        ["GET /admin/outbox"] = new(Admin, "/admin/outbox?state=failed"),
        ["POST /admin/outbox/{id:int}/retry"] = new(Admin, "/admin/outbox/{mail}/retry"),
        // 站内通知: every staff member has a list; a note they do not receive answers 404 (Scoped).
        ["GET /notifications"] = new(Staff, "/notifications"),
        ["POST /notifications/{id:int}/read"] = new(Staff, "/notifications/{notification}/read", Scoped: true),
        ["POST /notifications/read-all"] = new(Staff, "/notifications/read-all"),
    };

    /// <summary>The first folders of wwwroot: their files are static assets (MapStaticAssets), public by nature.</summary>
    private static readonly string[] AssetFolders = ["css/", "js/", "lib/", "img/", "fonts/"];

    /// <summary>Every route endpoint of the running app, one per HTTP method ("*" when it takes any).</summary>
    public static IReadOnlyList<AppEndpoint> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var pattern = "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/');
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
                return methods is null or { Count: 0 }
                    ? [new AppEndpoint("*", pattern, e)]
                    : methods.Select(m => new AppEndpoint(m, pattern, e));
            })
            .DistinctBy(e => e.Key)
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];

    /// <summary>A static file (no controller behind it): public, and not part of the matrix.</summary>
    public static bool IsStaticAsset(AppEndpoint endpoint) =>
        endpoint.Action is null && endpoint.Method is "GET" or "HEAD" && AssetFolders.Any(f => endpoint.Pattern.StartsWith("/" + f, StringComparison.Ordinal));

    /// <summary>The endpoints the matrix covers: everything but static files and the HEAD twin of a GET.</summary>
    public static IReadOnlyList<AppEndpoint> Classifiable(IServiceProvider services) =>
        [.. All(services).Where(e => !IsStaticAsset(e) && e.Method != "HEAD")];
}
