using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Security;

/// <summary>
/// Every form of the app, public and staff, posted by the caller allowed to use it with hostile values; every GET with
/// hostile query strings and route values. Never a 5xx; a refusal is a 4xx with a Chinese message and writes nothing;
/// hostile markup never comes back unescaped. Control characters are refused (the project's rule: ApplyForm,
/// RecordForm), and so are posts without a valid antiforgery token.
/// </summary>
public abstract class HostileInputTests(SecurityPortal factory)
{
    public const string Script = "<script>alert(1)</script>";

    private int accepted, refused;

    /// <summary>What a hostile page would carry if it reflected the markup unescaped.</summary>
    private static readonly string[] RawMarkers = [Script, "<b onmouseover=alert(2)>", "<img src=x onerror"];

    /// <summary>Text every text field gets at once (one post per value).</summary>
    public static readonly (string Name, string Value)[] TextValues =
    [
        ("10,000 characters", new string('长', 10_000)),
        ("NUL", "控制\u0000字符"),
        ("control characters", "响铃\u0007转义\u001b字符"),
        ("RTL override", "申请\u202Efdp.exe"),
        ("emoji and surrogate pairs", "😀👨‍👩‍👧 测试 𠀀𝄞"),
        ("HTML", Script + "<b onmouseover=alert(2)>粗</b>\"'><img src=x onerror=alert(3)>"),
        ("SQL", "' OR 1=1 --'; DROP TABLE \"Records\"; --"),
        ("FTS syntax", "\"NEAR( 住房 * AND OR NOT \"unbalanced"),
    ];

    /// <summary>What every field (hidden, select and date fields too) gets at once, one post per value.</summary>
    public static readonly (string Name, string Value)[] WrongTypes =
    [
        ("letters", "abc"),
        ("negative", "-1"),
        ("huge number", "99999999999999999999"),
        ("impossible date", "2026-13-45"),
    ];

    /// <summary>Route values put in place of each route parameter in turn.</summary>
    public static readonly (string Name, string Segment)[] RouteValues =
    [
        ("negative id", "-1"),
        ("huge number", "99999999999999999999"),
        ("markup", Uri.EscapeDataString(Script)),
        ("path traversal", Uri.EscapeDataString("../../etc/passwd")),
        ("control characters", "%07%1B"),
    ];

    /// <summary>Query values every query parameter of a GET endpoint gets at once.</summary>
    public static readonly (string Name, string Value)[] QueryValues =
    [
        ("FTS syntax", "\"NEAR( * AND OR NOT \"x"),
        ("10,000 characters", new string('a', 10_000)),
        ("control characters", "a\u0000b\u0007c\u001b"),
        ("HTML and SQL", Script + "' OR 1=1 --"),
        ("negative", "-1"),
        ("huge number", "99999999999999999999"),
        ("open redirect", "//evil.example/"),
        ("absolute URL", "https://evil.example/x"),
    ];

    /// <summary>Where each POST endpoint's form is, and who fills it in.</summary>
    /// <param name="Action">The form's action; ending in "/", every form whose action starts with it (the case actions).</param>
    /// <param name="Fallback">Field names to post when the form is not on the page in the sample's state.</param>
    /// <param name="Tokenless">The form carries no antiforgery token by design (the 评议 form on the cached record page,
    /// RatingsController.RateRecord): its cross-site refusal is tested in Ratings/RatingsTests instead.</param>
    private sealed record Recipe(Who As, string Page, string Action, string[]? Fallback = null, bool Tokenless = false);

    private static readonly Dictionary<string, Recipe> Recipes = new(StringComparer.Ordinal)
    {
        ["POST /apply"] = new(Who.Anonymous, "/apply", "/apply"),
        ["POST /messages/write"] = new(Who.Anonymous, "/messages/write", "/messages/write"),
        ["POST /records/{id:int}/rating"] = new(Who.Anonymous, "/records/{published}", "/records/{published}/rating", Tokenless: true),
        ["POST /track/{code}/rating"] = new(Who.Anonymous, "/track?code={code}", "/track/{code}/rating", ["Grade", "Comment"]),
        ["POST /messages/track/{code}/rating"] = new(Who.Anonymous, "/messages/track?code={messageCode}", "/messages/track/{messageCode}/rating", ["Grade", "Comment"]),
        ["POST /staff/ratings/{id:int}"] = new(Who.Reviewer, "/staff/ratings?comment=Held", "/staff/ratings/{rating}?comment=Held"),
        ["POST /staff/messages/{id:int}"] = new(Who.Reviewer, "/staff/messages/{message}", "/staff/messages/{message}"),
        ["POST /consultations/{id:int}"] = new(Who.Anonymous, "/consultations/{consultation}", "/consultations/{consultation}"),
        ["POST /manage/consultations/new"] = new(Who.Editor, "/manage/consultations/new", "/manage/consultations/new"),
        ["POST /manage/profile/edit"] = new(Who.Editor, "/manage/profile/edit", "/manage/profile/edit", ["Version", "Functions", "Address", "OfficeHours", "Phone", "ComplaintPhone", "Email", "Leaders[0].Name", "Offices[0].Name"]),
        ["POST /manage/profiles/{id:int}/submit"] = new(Who.Editor, "/manage/profiles/{profile}", "/manage/profiles/{profile}/submit", ["version"]),
        ["POST /manage/profiles/{id:int}/approve"] = new(Who.Reviewer, "/manage/profiles/{submittedProfile}", "/manage/profiles/{submittedProfile}/approve", ["version"]),
        ["POST /manage/profiles/{id:int}/return"] = new(Who.Reviewer, "/manage/profiles/{submittedProfile}", "/manage/profiles/{submittedProfile}/return", ["version", "reason"]),
        ["POST /manage/powers/new"] = new(Who.Editor, "/manage/powers/new", "/manage/powers/new"),
        ["POST /manage/powers/{id:int}/edit"] = new(Who.Editor, "/manage/powers/{power}", "/manage/powers/{power}/edit",
            ["Version", "Name", "Category", "LegalBasis", "Office", "Staff", "ChangedOn", "Steps[0].Actor", "Steps[0].Action", "Steps[0].TimeLimit", "Steps[1].Actor"]),
        ["POST /manage/powers/{id:int}/submit"] = new(Who.Editor, "/manage/powers/{power}", "/manage/powers/{power}/submit", ["version"]),
        ["POST /manage/powers/{id:int}/approve"] = new(Who.Reviewer, "/manage/powers/{submittedPower}", "/manage/powers/{submittedPower}/approve"),
        ["POST /manage/powers/{id:int}/return"] = new(Who.Reviewer, "/manage/powers/{submittedPower}", "/manage/powers/{submittedPower}/return"),
        ["POST /manage/policy-cleanups/new"] = new(Who.Reviewer, "/manage/policy-cleanups/new", "/manage/policy-cleanups/new",
            ["Title", "IssuingBody", "DecidedOn", "DocumentNumber", "Intro", "Rows[0].RecordId", "Rows[0].Conclusion", "Rows[0].Reason"]),
        ["POST /manage/policy-cleanups/{id:int}/edit"] = new(Who.Reviewer, "/manage/policy-cleanups/{cleanup}/edit", "/manage/policy-cleanups/{cleanup}/edit",
            ["Version", "Title", "IssuingBody", "DecidedOn", "Intro", "Rows[0].RecordId", "Rows[0].Conclusion", "Rows[0].Reason"]),
        ["POST /manage/policy-cleanups/{id:int}/submit"] = new(Who.Reviewer, "/manage/policy-cleanups/{cleanup}", "/manage/policy-cleanups/{cleanup}/submit", ["version"]),
        ["POST /manage/policy-cleanups/{id:int}/approve"] = new(Who.Reviewer, "/manage/policy-cleanups/{submittedCleanup}", "/manage/policy-cleanups/{submittedCleanup}/approve", ["version"]),
        ["POST /manage/policy-cleanups/{id:int}/return"] = new(Who.Reviewer, "/manage/policy-cleanups/{submittedCleanup}", "/manage/policy-cleanups/{submittedCleanup}/return", ["version", "reason"]),
        ["POST /manage/items/{id:int}/waivers"] = new(Who.Editor, "/manage/items/{periodicItem}/expectations", "/manage/items/{periodicItem}/waivers", ["Reason"]),
        ["POST /manage/items/{id:int}/events"] = new(Who.Editor, "/manage/items/{periodicItem}/expectations", "/manage/items/{periodicItem}/events", ["OccurredOn", "Description"]),
        ["POST /manage/items/{id:int}/expected-from"] = new(Who.Editor, "/manage/items/{periodicItem}/expectations", "/manage/items/{periodicItem}/expected-from"),
        ["POST /review/waivers/{id:int}/approve"] = new(Who.Reviewer, "/review/waivers", "/review/waivers/{waiver}/approve"),
        ["POST /review/waivers/{id:int}/return"] = new(Who.Reviewer, "/review/waivers", "/review/waivers/{waiver}/return", ["note"]),
        ["POST /admin/assessments"] = new(Who.Admin, "/admin/assessments", "/admin/assessments"),
        ["POST /admin/assessments/{year}/indicators"] = new(Who.Admin, "/admin/assessments/{assessmentYear}", "/admin/assessments/{assessmentYear}/indicators"),
        ["POST /admin/assessments/{year}/indicators/{id}"] = new(Who.Admin, "/admin/assessments/{assessmentYear}/indicators/{indicator}", "/admin/assessments/{assessmentYear}/indicators/{indicator}",
            ["Name", "Kind", "Points", "Rule", "FullAt", "HalfAt", "DeductEach", "Description"]),
        ["POST /admin/assessments/{year}/indicators/{id}/remove"] = new(Who.Admin, "/admin/assessments/{assessmentYear}", "/admin/assessments/{assessmentYear}/indicators/{indicator}/remove", []),
        ["POST /assessments/{year}/compute"] = new(Who.Reviewer, "/assessments/{assessmentYear}", "/assessments/{assessmentYear}/compute", []),
        ["POST /assessments/{year}/manual-scores"] = new(Who.Reviewer, "/assessments/{assessmentYear}", "/assessments/{assessmentYear}/manual-scores", ["IndicatorId", "UnitId", "Score", "Evidence"]),
        ["POST /assessments/{year}/publish"] = new(Who.Reviewer, "/assessments/{assessmentYear}", "/assessments/{assessmentYear}/publish", ["note"]),
        ["POST /assessments/{year}/unpublish"] = new(Who.Reviewer, "/assessments/{assessmentYear}", "/assessments/{assessmentYear}/unpublish", []),
        ["POST /manage/guides/new"] = new(Who.Editor, "/manage/guides/new", "/manage/guides/new"),
        ["POST /manage/guides/{id:int}/edit"] = new(Who.Editor, "/manage/guides/{guide}/edit", "/manage/guides/{guide}/edit"),
        ["POST /manage/guides/{id:int}/submit"] = new(Who.Editor, "/manage/guides/{guide}", "/manage/guides/{guide}/submit", ["version"]),
        ["POST /manage/guides/{id:int}/approve"] = new(Who.Reviewer, "/manage/guides/{submittedGuide}", "/manage/guides/{submittedGuide}/approve"),
        ["POST /manage/guides/{id:int}/return"] = new(Who.Reviewer, "/manage/guides/{submittedGuide}", "/manage/guides/{submittedGuide}/return"),
        ["POST /manage/consultations/{id:int}/edit"] = new(Who.Editor, "/manage/consultations/{consultation}", "/manage/consultations/{consultation}/edit",
            ["Version", "CatalogueItemId", "Title", "DraftBody", "DraftingExplanation", "StartsOn", "EndsOn", "ShortPeriodReason", "Email", "PostalAddress", "FreeTextQuestion"]),
        ["POST /manage/consultations/{id:int}/submit"] = new(Who.Editor, "/manage/consultations/{consultation}", "/manage/consultations/{consultation}/submit", ["version"]),
        ["POST /manage/consultations/{id:int}/approve"] = new(Who.Reviewer, "/manage/consultations/{submittedConsultation}", "/manage/consultations/{submittedConsultation}/approve"),
        ["POST /manage/consultations/{id:int}/return"] = new(Who.Reviewer, "/manage/consultations/{submittedConsultation}", "/manage/consultations/{submittedConsultation}/return"),
        ["POST /manage/consultations/{id:int}/comments/new"] = new(Who.Editor, "/manage/consultations/{consultation}/comments/new", "/manage/consultations/{consultation}/comments/new"),
        ["POST /manage/consultations/{id:int}/comments/{commentId:long}"] = new(Who.Editor, "/manage/consultations/{consultation}", "/manage/consultations/{consultation}/comments/{consultationComment}", ["decision"]),
        ["POST /manage/consultations/{id:int}/feedback"] = new(Who.Editor, "/manage/consultations/{consultation}/feedback", "/manage/consultations/{consultation}/feedback"),
        ["POST /manage/consultations/{id:int}/decision"] = new(Who.Editor, "/manage/consultations/{consultation}", "/manage/consultations/{consultation}/decision"),
        ["POST /manage/consultations/{id:int}/attachments"] = new(Who.Editor, "/manage/consultations/{draftConsultation}", "/manage/consultations/{draftConsultation}/attachments"),
        ["POST /manage/consultations/{id:int}/attachments/{attachmentId:int}/delete"] = new(Who.Editor, "/manage/consultations/{draftConsultation}", "/manage/consultations/{draftConsultation}/attachments/{consultationAttachment}/delete"),
        ["POST /admin/reminders"] = new(Who.Admin, "/admin/reminders", "/admin/reminders"),
        ["POST /admin/reminders/test"] = new(Who.Admin, "/admin/reminders", "/admin/reminders/test", []),
        ["POST /office/urge/{subject}/{id:int}"] = new(Who.Reviewer, "/office/deadlines", "/office/urge/record/{draft}", ["ReturnTo"]),
        ["POST /account/login"] = new(Who.Anonymous, "/account/login", "/account/login"),
        ["POST /account/logout"] = new(Who.Editor, "/manage", "/account/logout"),
        ["POST /manage/records/new"] = new(Who.Editor, "/manage/records/new", "/manage/records/new"),
        ["POST /manage/records/{id:int}/edit"] = new(Who.Editor, "/manage/records/{draft}/edit", "/manage/records/{draft}/edit"),
        ["POST /manage/records/{id:int}/submit"] = new(Who.Editor, "/manage/records/{draft}", "/manage/records/{draft}/submit"),
        ["POST /manage/records/{id:int}/new-version"] = new(Who.Editor, "/manage/records/{published}", "/manage/records/{published}/new-version", []),
        ["POST /manage/records/{id:int}/attachments"] = new(Who.Editor, "/manage/records/{draft}", "/manage/records/{draft}/attachments"),
        ["POST /manage/records/{id:int}/attachments/{attachmentId:int}/delete"] = new(Who.Editor, "/manage/records/{draft}", "/manage/records/{draft}/attachments/{attachment}/delete"),
        ["POST /manage/items/new"] = new(Who.Editor, "/manage/items/new", "/manage/items/new"),
        ["POST /manage/items/{id:int}/edit"] = new(Who.Editor, "/manage/items/{item}/edit", "/manage/items/{item}/edit"),
        ["POST /manage/items/{id:int}/retire"] = new(Who.Editor, "/manage/items/{item}/edit", "/manage/items/{item}/retire"),
        ["POST /review/versions/{id:int}"] = new(Who.Reviewer, "/review/versions/{submittedVersion}", "/review/versions/{submittedVersion}"),
        ["POST /review/records/{recordId:int}/withdraw"] = new(Who.Reviewer, "/manage/records/{published}", "/review/records/{published}/withdraw"),
        ["POST /review/versions/{id:int}/reconsider"] = new(Who.Reviewer, "/review/withheld", "/review/versions/{submittedVersion}/reconsider", ["reason"]),
        ["POST /cases/new"] = new(Who.Reviewer, "/cases/new", "/cases/new"),
        ["POST /cases/calendar-corrections"] = new(Who.Reviewer, "/cases/calendar-corrections", "/cases/calendar-corrections", []),
        ["POST /cases/{id:int}/{verb}"] = new(Who.Reviewer, "/cases/{case}", "/cases/{case}/"),
        ["POST /reports/annual/{year}"] = new(Who.Reviewer, "/reports/annual/{annualYear}", "/reports/annual/{annualYear}"),
        ["POST /reports/annual/{year}/submit"] = new(Who.Reviewer, "/reports/annual/{annualYear}", "/reports/annual/{annualYear}/submit", ["version"]),
        ["POST /reports/annual/{year}/return"] = new(Who.Reviewer, "/reports/annual/{annualYear}", "/reports/annual/{annualYear}/return", ["version", "comment"]),
        ["POST /reports/annual/{year}/publish"] = new(Who.Reviewer, "/reports/annual/{annualYear}", "/reports/annual/{annualYear}/publish", ["version"]),
        ["POST /reports/quarterly/{year}/{quarter}/freeze"] = new(Who.Reviewer, "/reports/quarterly/{quarterYear}/q1", "/reports/quarterly/{quarterYear}/q1/freeze", ["version"]),
        ["POST /reports/quarterly/{year}/{quarter}/comment"] = new(Who.Reviewer, "/reports/quarterly/{quarterYear}/q1", "/reports/quarterly/{quarterYear}/q1/comment", ["Version", "Comment"]),
        ["POST /reports/quarterly/{year}/{quarter}/publish"] = new(Who.Reviewer, "/reports/quarterly/{quarterYear}/q1", "/reports/quarterly/{quarterYear}/q1/publish", ["version"]),
        ["POST /admin/users/new"] = new(Who.Admin, "/admin/users/new", "/admin/users/new"),
        ["POST /admin/users/{id}/edit"] = new(Who.Admin, "/admin/users/{user}/edit", "/admin/users/{user}/edit"),
        ["POST /admin/users/{id}/password"] = new(Who.Admin, "/admin/users/{user}/password", "/admin/users/{user}/password"),
        ["POST /admin/users/{id}/unlock"] = new(Who.Admin, "/admin/users/{user}/edit", "/admin/users/{user}/unlock", []),
        ["POST /admin/users/{id}/disable"] = new(Who.Admin, "/admin/users/{user}/edit", "/admin/users/{user}/disable", []),
        ["POST /admin/users/{id}/enable"] = new(Who.Admin, "/admin/users/{user}/edit", "/admin/users/{user}/enable", []),
        ["POST /admin/departments/new"] = new(Who.Admin, "/admin/departments/new", "/admin/departments/new"),
        ["POST /admin/departments/{id:int}/edit"] = new(Who.Admin, "/admin/departments/{department}/edit", "/admin/departments/{department}/edit"),
        ["POST /admin/departments/{id:int}/deactivate"] = new(Who.Admin, "/admin/departments/{department}/edit", "/admin/departments/{department}/deactivate", []),
        ["POST /admin/departments/{id:int}/reactivate"] = new(Who.Admin, "/admin/departments/{department}/edit", "/admin/departments/{department}/reactivate", []),
        ["POST /admin/calendar"] = new(Who.Admin, "/admin/calendar", "/admin/calendar"),
        ["POST /admin/outbox/{id:int}/retry"] = new(Who.Admin, "/admin/outbox?state=failed", "/admin/outbox/{mail}/retry", []),
        ["POST /notifications/{id:int}/read"] = new(Who.Editor, "/notifications", "/notifications/{notification}/read", []),
        ["POST /notifications/read-all"] = new(Who.Editor, "/notifications", "/notifications/read-all", []),
        ["POST /admin/calendar/{year}/days"] = new(Who.Admin, "/admin/calendar/{calendarYear}", "/admin/calendar/{calendarYear}/days"),
        ["POST /admin/calendar/{year}/days/{date}/delete"] = new(Who.Admin, "/admin/calendar/{calendarYear}", "/admin/calendar/{calendarYear}/days/{calendarDay}/delete", []),
        ["POST /admin/calendar/import"] = new(Who.Admin, "/admin/calendar", "/admin/calendar/import"),
        ["POST /admin/site"] = new(Who.Admin, "/admin/site", "/admin/site"),
        ["POST /admin/review-chain"] = new(Who.Admin, "/admin/review-chain", "/admin/review-chain"),
        ["POST /setup"] = new(Who.Anonymous, "/setup", "/setup",
            ["Name", "ShortName", "SiteName", "Sponsor", "DisclosureOffice", "Address", "Postcode", "Telephone", "FooterLinks", "GuideText", "ReplyLetterhead", "ReviewOrgan", "Court", "UserName", "DisplayName", "Password", "ConfirmPassword"]),
        ["POST /admin/sensitive-words"] = new(Who.Admin, "/admin/sensitive-words", "/admin/sensitive-words"),
        ["POST /admin/sensitive-words/{id:int}/delete"] = new(Who.Admin, "/admin/sensitive-words", "/admin/sensitive-words/{sensitiveWord}/delete", []),
        ["POST /admin/search-synonyms"] = new(Who.Admin, "/admin/search-synonyms", "/admin/search-synonyms"),
        ["POST /admin/search-synonyms/{id:int}/delete"] = new(Who.Admin, "/admin/search-synonyms", "/admin/search-synonyms/{synonymGroup}/delete", []),
        ["POST /admin/columns"] = new(Who.Admin, "/admin/columns", "/admin/columns"),
        ["POST /admin/columns/{id:int}/edit"] = new(Who.Admin, "/admin/columns/{column}/edit", "/admin/columns/{column}/edit"),
        ["POST /admin/columns/{id:int}/up"] = new(Who.Admin, "/admin/columns", "/admin/columns/{column}/up", []),
        ["POST /admin/columns/{id:int}/down"] = new(Who.Admin, "/admin/columns", "/admin/columns/{column}/down", []),
        ["POST /admin/columns/{id:int}/retire"] = new(Who.Admin, "/admin/columns", "/admin/columns/{column}/retire", []),
        ["POST /admin/columns/{id:int}/reinstate"] = new(Who.Admin, "/admin/columns", "/admin/columns/{column}/reinstate", []),
        ["POST /admin/columns/{id:int}/delete"] = new(Who.Admin, "/admin/columns", "/admin/columns/{column}/delete", []),
        ["POST /admin/audit/check"] = new(Who.Admin, "/admin/audit", "/admin/audit/check"),
    };

    [Fact]
    public void EveryPostEndpoint_HasAFormRecipe()
    {
        var posts = EndpointTable.Classifiable(factory.Services).Where(e => e.Method == "POST").Select(e => e.Key).ToList();
        var missing = posts.Except(Recipes.Keys).ToList();
        Assert.True(missing.Count == 0, "POST endpoints without a hostile-input recipe in HostileInputTests.Recipes:\n" + string.Join("\n", missing));
        Assert.Empty(Recipes.Keys.Except(posts));
    }

    [Fact]
    public async Task EveryForm_WithHostileValues_IsNeverA5xx_RefusesWithAChineseMessage_AndNeverReflectsMarkup()
    {
        var samples = await factory.ArrangeAsync();
        var failures = new List<string>();
        foreach (var (key, recipe) in Recipes)
        {
            var client = await factory.ClientAsync(recipe.As);
            var page = samples.Fill(recipe.Page);
            var (pageResponse, doc) = await Html.GetAsync(client, page);
            var token = ForgedRequests.Token(doc) ?? await factory.TokenAsync(recipe.As);
            var forms = FormsFor(doc, samples.Fill(recipe.Action), recipe.Fallback);
            if (forms.Count == 0)
            {
                failures.Add($"{key}: no form posting to {samples.Fill(recipe.Action)} on {page} ({(int)pageResponse.StatusCode})");
                continue;
            }
            foreach (var form in forms)
            {
                var where = $"{key} → {form.Action}";
                foreach (var (name, value) in TextValues)
                {
                    if (form.TextFields.Count == 0) break;
                    var fields = form.Defaults.ToDictionary(f => f.Key, f => form.TextFields.Contains(f.Key) ? value : f.Value);
                    await PostAsync(client, form.Action, fields, token, $"{where} [{name} in {string.Join(", ", form.TextFields)}]", failures,
                        mustRefuse: name is "NUL" or "control characters");
                }
                foreach (var (name, value) in WrongTypes)
                {
                    if (form.Defaults.Count == 0) break;
                    var fields = form.Defaults.ToDictionary(f => f.Key, _ => value);
                    await PostAsync(client, form.Action, fields, token, $"{where} [{name} in every field]", failures, mustRefuse: false);
                }
                if (recipe.Tokenless) continue;
                await PostAsync(client, form.Action, form.Defaults, null, $"{where} [no antiforgery token]", failures, mustRefuse: true, expect: 400);
                await PostAsync(client, form.Action, form.Defaults, "CfDJ8-forged-token", $"{where} [forged antiforgery token]", failures, mustRefuse: true, expect: 400);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Not vacuous: the forms were found and filled, some hostile-but-valid text saved, much refused.
        Assert.True(accepted > 10 && refused > 200, $"{accepted} accepted, {refused} refused");
    }

    /// <summary>
    /// The posts above put a control character in every text field at once, so one field's check hid another's absence
    /// (issue 15 found record bodies, department names, calendar sources and annual report texts accepting them). Here
    /// each text field of each form gets one alone: a vertical tab as Word pastes it, then a bell.
    /// </summary>
    [Fact]
    public async Task EveryTextField_Alone_WithAControlCharacter_IsRefused_AndWritesNothing()
    {
        var samples = await factory.ArrangeAsync();
        var failures = new List<string>();
        var fieldsTried = 0;
        foreach (var (key, recipe) in Recipes)
        {
            var client = await factory.ClientAsync(recipe.As);
            var (_, doc) = await Html.GetAsync(client, samples.Fill(recipe.Page));
            var token = ForgedRequests.Token(doc) ?? await factory.TokenAsync(recipe.As);
            foreach (var form in FormsFor(doc, samples.Fill(recipe.Action), recipe.Fallback))
            {
                foreach (var field in form.TextFields)
                {
                    fieldsTried++;
                    foreach (var value in new[] { "从 Word 粘贴\v的换行", "响铃\u0007字符" })
                    {
                        var fields = new Dictionary<string, string>(form.Defaults) { [field] = value };
                        await PostAsync(client, form.Action, fields, token, $"{key} → {form.Action} [{Uri.EscapeDataString(value)} in {field} alone]", failures, mustRefuse: true);
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(fieldsTried > 30, $"only {fieldsTried} text fields found");
    }

    [Fact]
    public async Task EveryRouteValue_Hostile_IsNeverA5xx_AndPostsWithIt_WriteNothing()
    {
        var samples = await factory.ArrangeAsync();
        var failures = new List<string>();
        foreach (var endpoint in EndpointTable.Classifiable(factory.Services).Where(e => e.Endpoint.RoutePattern.Parameters.Count > 0))
        {
            var access = EndpointTable.Classes[endpoint.Key];
            var caller = SecurityPortal.Callers.First(w => access.Allowed.HasFlag(w));
            var client = await factory.ClientAsync(caller);
            var sample = samples.Fill(access.Url).Split('?')[0].Split('/');
            var pattern = endpoint.Pattern.Split('/');
            for (var i = 0; i < pattern.Length && i < sample.Length; i++)
            {
                if (!pattern[i].Contains('{', StringComparison.Ordinal)) continue;
                foreach (var (name, segment) in RouteValues)
                {
                    var parts = (string[])sample.Clone();
                    parts[i] = segment;
                    var url = string.Join('/', parts);
                    var where = $"{caller} {endpoint.Method} {url} ({endpoint.Key}) [{name}]";
                    if (endpoint.Method == "POST")
                        await PostAsync(client, url, new Dictionary<string, string>(), await factory.TokenAsync(caller), where, failures, mustRefuse: true);
                    else
                        await GetAsync(client, url, where, failures);
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryGet_WithHostileQueryStrings_IsNeverA5xx_AndNeverRedirectsOffSite()
    {
        var samples = await factory.ArrangeAsync();
        var failures = new List<string>();
        foreach (var endpoint in EndpointTable.Classifiable(factory.Services).Where(e => e.Method is "GET" && e.Action is not null))
        {
            var names = QueryNames(endpoint);
            if (names.Count == 0) continue;
            var access = EndpointTable.Classes[endpoint.Key];
            var caller = SecurityPortal.Callers.First(w => access.Allowed.HasFlag(w));
            var client = await factory.ClientAsync(caller);
            var path = samples.Fill(access.Url).Split('?')[0];
            foreach (var (name, value) in QueryValues)
            {
                var url = path + "?" + string.Join('&', names.Select(n => $"{n}={Uri.EscapeDataString(value)}"));
                await GetAsync(client, url, $"{caller} GET {path} ({endpoint.Key}) [{name} in {string.Join(", ", names)}]", failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static TheoryData<string, string, string> HostileUploads() => new()
    {
        // name, file name, content kind
        { "an .exe renamed .pdf", "报告.pdf", "exe" },
        { "an empty file", "空文件.pdf", "empty" },
        { "a file over Storage:MaxAttachmentBytes", "超大.pdf", "oversize" },
        { "a path-traversal name", "../../etc/passwd", "pdf" },
        { "a Windows path-traversal name", "..\\..\\x.pdf", "pdf" },
        { "an RTL-override name", "报告\u202Efdp.exe", "pdf" },
        { "a markup name", Script + ".pdf", "pdf" },
    };

    [Theory]
    [MemberData(nameof(HostileUploads))]
    public async Task Uploads_OfHostileFiles_AreRefusedInChinese_OrStoredUnderACleanName(string what, string fileName, string kind)
    {
        var samples = await factory.ArrangeAsync();
        var editor = await factory.ClientAsync(Who.Editor);
        var draft = samples["draft"];
        byte[] content = kind switch
        {
            "exe" => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0],
            "empty" => [],
            "oversize" => [.. Workflow.WorkflowSupport.Pdf, .. new byte[SecurityPortal.MaxAttachmentBytes]],
            _ => Workflow.WorkflowSupport.Pdf,
        };
        var failures = new List<string>();
        foreach (var (page, action) in new[] { ($"/manage/records/{draft}", $"/manage/records/{draft}/attachments"), ("/admin/calendar", "/admin/calendar/import") })
        {
            var client = action.StartsWith("/admin", StringComparison.Ordinal) ? await factory.ClientAsync(Who.Admin) : editor;
            var before = factory.WriteMark();
            var response = await Browserish.UploadAsync(client, page, action, fileName, content, "application/pdf");
            var wrote = factory.WriteMark() != before;
            var status = (int)response.StatusCode;
            var html = await response.Content.ReadAsStringAsync();
            var where = $"{action} with {what} ({fileName})";
            if (status >= 500) { failures.Add($"{where}: {status}"); continue; }
            if (html.Contains(Script, StringComparison.Ordinal)) failures.Add($"{where}: the response carries the markup unescaped");
            if (status >= 400)
            {
                if (wrote) failures.Add($"{where}: refused with {status} but the database changed");
                if (Pages.ChineseMessage(await Html.ParseAsync(response)) is null) failures.Add($"{where}: {status} without a Chinese message");
            }
            else if (kind is "exe" or "empty" or "oversize" || action.EndsWith("/import", StringComparison.Ordinal))
                failures.Add($"{where}: accepted ({status})"); // not a PDF / not a calendar file
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // What was accepted is stored under a clean name, inside the attachments folder.
        await using var db = factory.NewDbContext();
        foreach (var a in await db.Attachments.AsNoTracking().ToListAsync())
        {
            Assert.False(a.FileName.Contains("..", StringComparison.Ordinal) || a.FileName.IndexOfAny(['/', '\\', '\u202E']) >= 0, $"stored name {a.FileName}");
            Assert.DoesNotContain("..", a.StorageKey, StringComparison.Ordinal);
        }
        var (_, show) = await Html.GetAsync(editor, $"/manage/records/{draft}");
        Assert.DoesNotContain(Script, show.Source.Text, StringComparison.Ordinal);
    }

    /// <summary>The "wrote nothing" checks above are only as good as the mark: it stays for reads and moves on a write.</summary>
    [Fact]
    public async Task WriteMark_StaysWhileTheAppOnlyReads_AndMovesWhenARowIsRewritten()
    {
        await factory.ArrangeAsync();
        var quiet = factory.WriteMark();
        var anonymous = await factory.ClientAsync(Who.Anonymous);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/departments")).StatusCode);
        Assert.Equal(quiet, factory.WriteMark());

        await using var db = factory.NewDbContext();
        // Rewriting a row with its own values is still a write (a new row version on PostgreSQL, a commit on SQLite).
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""UPDATE "Departments" SET "Name" = "Name" WHERE "Id" = (SELECT min("Id") FROM "Departments")"""));
        Assert.NotEqual(quiet, factory.WriteMark());
    }

    /// <summary>不予公开的理由 is stored in a 500-character column: a longer one passed the form and failed the save on PostgreSQL.</summary>
    [Fact]
    public async Task Withhold_WithAReasonLongerThanItsColumn_IsRefusedBesideTheField()
    {
        var editor = await factory.ClientAsync(Who.Editor);
        var record = await Workflow.WorkflowSupport.CreateDraftAsync(editor, (await Workflow.WorkflowSupport.HousingItemAsync(factory)).Id, $"不予公开长理由 {Guid.NewGuid():N}");
        await Workflow.WorkflowSupport.SubmitAsync(editor, record);
        var versionId = await Workflow.WorkflowSupport.LatestVersionIdAsync(factory, record);
        var before = factory.WriteMark();
        var response = await Workflow.WorkflowSupport.DecideAsync(await factory.ClientAsync(Who.Reviewer), versionId, "withhold", comment: new string('密', 501));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不予公开的理由不能超过500字。", (await Html.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, factory.WriteMark());
    }

    /// <summary>The query-string names an action reads: its simple parameters, and the properties of a [FromQuery] model.</summary>
    private static List<string> QueryNames(AppEndpoint endpoint)
    {
        var routeNames = endpoint.Endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var p in endpoint.Action!.Parameters)
        {
            if (routeNames.Contains(p.Name) || p.ParameterType == typeof(CancellationToken)) continue;
            var source = p.BindingInfo?.BindingSource;
            if (source is not null && source != BindingSource.Query && source != BindingSource.ModelBinding) continue;
            var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DateOnly)) names.Add(p.Name);
            else if (source == BindingSource.Query)
                names.AddRange(type.GetProperties().Where(x => x.CanWrite).Select(x => x.Name));
        }
        return names;
    }

    private sealed record FormFields(string Action, Dictionary<string, string> Defaults, HashSet<string> TextFields);

    /// <summary>The forms on the page that post to <paramref name="action"/>, with their fields as the browser would send them.</summary>
    private static List<FormFields> FormsFor(IDocument doc, string action, string[]? fallback)
    {
        var prefix = action.EndsWith('/');
        var found = doc.QuerySelectorAll<IHtmlFormElement>("form[method=post]")
            .Where(f => f.GetAttribute("action") is { } a && (prefix ? a.StartsWith(action, StringComparison.Ordinal) : a == action))
            .Select(Fields)
            .ToList();
        if (found.Count == 0 && fallback is not null)
            found.Add(new FormFields(action, fallback.ToDictionary(f => f, _ => "1"), [.. fallback.Where(f => f is "reason" or "comment" or "Comment")]));
        return found;
    }

    private static FormFields Fields(IHtmlFormElement form)
    {
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (name == Browserish.TokenField) continue;
            switch (element)
            {
                case IHtmlInputElement input:
                    var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                    if (type is "file" or "submit" or "button" or "image" or "reset") continue;
                    if (type is "checkbox" or "radio")
                    {
                        if (input.IsChecked || !defaults.ContainsKey(name)) defaults[name] = input.GetAttribute("value") ?? "on";
                        continue;
                    }
                    defaults[name] = input.GetAttribute("value") ?? string.Empty;
                    // A field hidden from people (the application form's honeypot) is left as a person leaves it.
                    if (type is "text" or "search" or "email" or "tel" or "url" or "password" && input.Closest("[aria-hidden=true]") is null) text.Add(name);
                    break;
                case IHtmlSelectElement select:
                    var option = select.QuerySelector("option[selected]") ?? select.QuerySelectorAll("option").FirstOrDefault(o => !string.IsNullOrEmpty(o.GetAttribute("value")));
                    defaults[name] = option?.GetAttribute("value") ?? string.Empty;
                    break;
                default: // textarea
                    defaults[name] = element.TextContent;
                    text.Add(name);
                    break;
            }
        }
        // The first named button says what the form does (save, preview, approve...).
        if (form.QuerySelector("button[name][value]") is { } button) defaults.TryAdd(button.GetAttribute("name")!, button.GetAttribute("value")!);
        return new FormFields(form.GetAttribute("action")!, defaults, text);
    }

    /// <param name="token">The antiforgery token; null to leave it out.</param>
    /// <param name="mustRefuse">The input is one the app must refuse (a 4xx with a Chinese message).</param>
    private async Task PostAsync(HttpClient client, string action, Dictionary<string, string> fields, string? token, string where, List<string> failures,
        bool mustRefuse, int? expect = null)
    {
        var body = new List<KeyValuePair<string, string>>(fields);
        if (token is not null) body.Add(new(Browserish.TokenField, token));
        var before = factory.WriteMark();
        var response = await client.PostAsync(action, new FormUrlEncodedContent(body));
        var wrote = factory.WriteMark() != before;
        var status = (int)response.StatusCode;
        var html = await response.Content.ReadAsStringAsync();
        if (status >= 500) { failures.Add($"{where}: {status} {Pages.Snippet(html)}"); return; }
        if (RawMarkers.FirstOrDefault(m => html.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } raw)
            failures.Add($"{where}: the response carries {raw} unescaped");
        if (expect is { } expected && status != expected) failures.Add($"{where}: {status}, expected {expected}");
        if (status >= 400)
        {
            if (wrote) failures.Add($"{where}: refused with {status} but the database changed");
            if (Pages.ChineseMessage(await Html.ParseAsync(response)) is null) failures.Add($"{where}: {status} without a Chinese message: {Pages.Snippet(html)}");
            refused++;
            return;
        }
        accepted++;
        if (mustRefuse) failures.Add($"{where}: accepted ({status} {response.Headers.Location}), expected a refusal");
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && response.Headers.Location is { } next && !next.IsAbsoluteUri)
            await GetAsync(client, next.OriginalString.Split('#')[0], $"{where}, then GET {next}", failures);
    }

    private static async Task GetAsync(HttpClient client, string url, string where, List<string> failures)
    {
        var response = await client.GetAsync(url);
        var status = (int)response.StatusCode;
        var html = await response.Content.ReadAsStringAsync();
        if (status >= 500) { failures.Add($"{where}: {status} {Pages.Snippet(html)}"); return; }
        if (RawMarkers.FirstOrDefault(m => html.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } raw)
            failures.Add($"{where}: the response carries {raw} unescaped");
        if (response.Headers.Location is { } location && (location.IsAbsoluteUri && location.Host != "localhost" || location.OriginalString.StartsWith("//", StringComparison.Ordinal)
                                                         || location.OriginalString.StartsWith("/\\", StringComparison.Ordinal)))
            failures.Add($"{where}: redirects off the site to {location}");
        if (status >= 400 && response.Content.Headers.ContentType?.MediaType == "text/html" && Pages.ChineseMessage(await Html.ParseAsync(response)) is null)
            failures.Add($"{where}: {status} without a Chinese message");
    }
}

[Collection(SecurityCollection.Name)]
public sealed class HostileInputOnSqlite(SqliteSecurityPortal factory) : HostileInputTests(factory);

[Collection(SecurityOnPostgresCollection.Name)]
public sealed class HostileInputOnPostgres(PostgresSecurityPortal factory) : HostileInputTests(factory);
