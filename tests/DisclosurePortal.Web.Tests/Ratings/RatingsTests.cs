using System.Net;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Domain.Ratings;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Ratings;

/// <summary>
/// 评议 (issue 21 §5) through the forms as a browser posts them: a record rated anonymously and counted; a second
/// rating the same day refused (409) with the comment kept; the applicant rating via /track, nobody without the code;
/// a held comment moderated before its unit reads it, and never read by another unit. The test server has no client
/// address, so every request of a class comes from one "address".
/// </summary>
public abstract class RatingsTests(PortalFactory factory)
{
    private const string HousingCode = "11511099022152793X";
    private const string FinanceCode = "11511099076240393N";

    private readonly WebApplicationFactory<Program> _app = Roomy(factory);

    private static WebApplicationFactory<Program> Roomy(PortalFactory factory)
    {
        var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimits:Rating:PermitLimit", "10000");
            b.UseSetting("RateLimits:Track:PermitLimit", "10000");
            b.UseSetting("Statistics:CacheSeconds", "0");
        });
        _ = app.Server;
        return app;
    }

    private HttpClient Anonymous() => _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = Anonymous();
        var response = await Browserish.PostFormAsync(client, "/account/login", "/account/login",
            new() { ["UserName"] = user, ["Password"] = DisclosurePortal.Data.Seed.DemoAccountsSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A published record of the unit with <paramref name="organisationCode"/> that nobody has rated yet (skip: for another test).</summary>
    private async Task<(int RecordId, int UnitId)> UnratedRecordAsync(string organisationCode, int skip = 0)
    {
        await using var db = factory.NewDbContext();
        var unit = await db.Departments.Where(d => d.OrganisationCode == organisationCode).Select(d => d.Id).SingleAsync();
        var rated = db.Ratings.Where(r => r.TargetKind == RatingTargetKind.Record).Select(r => r.TargetId);
        var id = await db.PublishedVersions.Where(v => v.DepartmentId == unit && !rated.Contains(v.RecordId)).OrderByDescending(v => v.RecordId)
            .Select(v => v.RecordId).Skip(skip).FirstAsync();
        return (id, unit);
    }

    /// <summary>The form as typed: a grade chosen (none: no radio button ticked) and the comment.</summary>
    private static Dictionary<string, string> Rating(RatingGrade? grade, string? comment = null) => new()
    {
        ["Grade"] = grade?.ToString() ?? "",
        ["Comment"] = comment ?? "",
    };

    private static async Task<int> StatisticsCountAsync(HttpClient client, int unit, int column)
    {
        var (response, doc) = await Html.GetAsync(client, "/statistics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = doc.QuerySelector($"#ratings-table tr[data-unit='{unit}']");
        return row is null ? 0 : int.Parse(row.QuerySelectorAll("td")[column].Text(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Record_RatedAnonymously_WithoutToken_IsCountedOnStatistics_AndReadByItsUnit()
    {
        var (id, unit) = await UnratedRecordAsync(HousingCode);
        var visitor = Anonymous();
        var before = await StatisticsCountAsync(visitor, unit, 0);
        var comment = $"附件里的表格看不清，建议上传原件 {Guid.NewGuid():N}";

        var response = await Browserish.PostTokenlessFormAsync(visitor, $"/records/{id}", $"/records/{id}/rating", Rating(RatingGrade.Satisfied, comment));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/records/{id}?rated=1#rating", response.Headers.Location!.ToString());
        var (_, thanked) = await Html.GetAsync(visitor, $"/records/{id}?rated=1");
        Assert.Contains("感谢您的评议", thanked.QuerySelector("#rating").Text(), StringComparison.Ordinal);
        // The plain page (one cached copy for all) carries no thank-you and no antiforgery cookie.
        var plain = await visitor.GetAsync($"/records/{id}");
        Assert.False(plain.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("感谢您的评议", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(before + 1, await StatisticsCountAsync(visitor, unit, 0));
        var editor = await SignedInAsync("editor.housing");
        var (manage, list) = await Html.GetAsync(editor, "/manage/ratings");
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        Assert.Contains(comment, list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        var stored = await db.Ratings.SingleAsync(r => r.TargetKind == RatingTargetKind.Record && r.TargetId == id);
        Assert.Equal(64, stored.AddressHash!.Length); // a keyed hash, never the address
    }

    [Fact]
    public async Task Record_SecondRatingTheSameDay_Is409WithAChineseMessage_AndTheCommentIsKept()
    {
        var (id, _) = await UnratedRecordAsync(HousingCode, skip: 1);
        var visitor = Anonymous();
        Assert.Equal(HttpStatusCode.SeeOther, (await Browserish.PostTokenlessFormAsync(visitor, $"/records/{id}", $"/records/{id}/rating", Rating(RatingGrade.FairlySatisfied))).StatusCode);
        const string comment = "第二次评议的意见，不应丢失。";

        var again = await Browserish.PostTokenlessFormAsync(visitor, $"/records/{id}", $"/records/{id}/rating", Rating(RatingGrade.Dissatisfied, comment));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var page = await Html.ParseAsync(again);
        Assert.Contains("您今天已经评议过这条信息，请明天再评。", page.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal(comment, page.QuerySelector("textarea[name=Comment]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"input[name=Grade][value={RatingGrade.Dissatisfied}][checked]"));
        await using var db = factory.NewDbContext();
        Assert.Equal(1, await db.Ratings.CountAsync(r => r.TargetKind == RatingTargetKind.Record && r.TargetId == id));
    }

    [Fact]
    public async Task Record_WithoutAGrade_Is400_BesideTheField_AndFromAnotherSite_Is403()
    {
        var (id, _) = await UnratedRecordAsync(HousingCode, skip: 2);
        var visitor = Anonymous();
        var missing = await Browserish.PostTokenlessFormAsync(visitor, $"/records/{id}", $"/records/{id}/rating", Rating(null, "只写了意见"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var page = await Html.ParseAsync(missing);
        Assert.Contains("请选择满意、基本满意或不满意。", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("只写了意见", page.QuerySelector("textarea[name=Comment]")!.TextContent.Trim());

        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/records/{id}/rating")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Grade"] = nameof(RatingGrade.Dissatisfied) }),
        };
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.SendAsync(forged)).StatusCode);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Ratings.AnyAsync(r => r.TargetKind == RatingTargetKind.Record && r.TargetId == id));
    }

    [Fact]
    public async Task Applicant_RatesTheAnsweredApplicationOnTrack_Once_AndNobodyWithoutTheCodeCan()
    {
        string code;
        int caseId;
        await using (var db = factory.NewDbContext())
        {
            var rated = db.Ratings.Where(r => r.TargetKind == RatingTargetKind.ApplicationCase).Select(r => r.TargetId);
            var c = await db.ApplicationCases.Where(x => x.ReplyType != null && !rated.Contains(x.Id)).OrderBy(x => x.Id).Select(x => new { x.Id, x.QueryCode }).FirstAsync();
            (code, caseId) = (c.QueryCode, c.Id);
        }
        var applicant = Anonymous();
        var response = await Browserish.PostFormAsync(applicant, $"/track?code={code}", $"/track/{code}/rating", Rating(RatingGrade.FairlySatisfied, "答复及时，但附件格式不便打开。"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var (_, track) = await Html.GetAsync(applicant, response.Headers.Location!.ToString());
        var section = track.QuerySelector("#rating").Text();
        Assert.Contains("感谢您的评议", section, StringComparison.Ordinal);
        Assert.Contains("基本满意", section, StringComparison.Ordinal);
        Assert.Null(track.QuerySelector($"form[action='/track/{code}/rating']")); // once

        // Someone without the code: a code that is no case's is a 404, and nothing is stored.
        var token = await Browserish.InputValueAsync(applicant, "/apply", Browserish.TokenField);
        var stranger = await applicant.PostAsync("/track/ABCDEFGHJKMN/rating", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Browserish.TokenField] = token, ["Grade"] = nameof(RatingGrade.Dissatisfied),
        }));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        await using var check = factory.NewDbContext();
        var ratings = await check.Ratings.Where(r => r.TargetKind == RatingTargetKind.ApplicationCase && r.TargetId == caseId).ToListAsync();
        Assert.Equal(RatingGrade.FairlySatisfied, Assert.Single(ratings).Grade);
    }

    [Fact]
    public async Task UnansweredApplication_HasNoRatingForm_AndAPostIsRefused()
    {
        string code;
        await using (var db = factory.NewDbContext())
            code = await db.ApplicationCases.Where(x => x.ReplyType == null).OrderBy(x => x.Id).Select(x => x.QueryCode).FirstAsync();
        var applicant = Anonymous();
        var (_, track) = await Html.GetAsync(applicant, $"/track?code={code}");
        Assert.Null(track.QuerySelector("#rating"));
        var token = await Browserish.InputValueAsync(applicant, "/apply", Browserish.TokenField);
        var early = await applicant.PostAsync($"/track/{code}/rating", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Browserish.TokenField] = token, ["Grade"] = nameof(RatingGrade.Satisfied),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("申请答复后才能评议。", (await Html.ParseAsync(early)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writer_RatesTheAnsweredMessage_AndChangesIt()
    {
        string code;
        await using (var db = factory.NewDbContext())
        {
            var rated = db.Ratings.Where(r => r.TargetKind == RatingTargetKind.Message).Select(r => r.TargetId);
            code = await db.Messages.Where(m => m.State == MessageState.Answered && !rated.Contains(m.Id)).OrderBy(m => m.Id).Select(m => m.QueryCode).FirstAsync();
        }
        var writer = Anonymous();
        var first = await Browserish.PostFormAsync(writer, $"/messages/track?code={code}", $"/messages/track/{code}/rating", Rating(RatingGrade.Dissatisfied, "答复没有说明办理时限。"));
        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        var changed = await Browserish.PostFormAsync(writer, $"/messages/track?code={code}", $"/messages/track/{code}/rating", Rating(RatingGrade.Satisfied));
        Assert.Equal(HttpStatusCode.SeeOther, changed.StatusCode);
        var (_, track) = await Html.GetAsync(writer, changed.Headers.Location!.ToString());
        Assert.Contains("您的评议：满意", track.QuerySelector("#rating").Text(), StringComparison.Ordinal);
        await using var check = factory.NewDbContext();
        var id = await check.Messages.Where(m => m.QueryCode == code).Select(m => m.Id).SingleAsync();
        Assert.Equal(RatingGrade.Satisfied, (await check.Ratings.SingleAsync(r => r.TargetKind == RatingTargetKind.Message && r.TargetId == id)).Grade);
    }

    [Fact]
    public async Task HeldComment_WaitsInModeration_ReachesItsUnitOnlyWhenShown_AndNeverAnotherUnit()
    {
        var (id, _) = await UnratedRecordAsync(HousingCode, skip: 3);
        var comment = $"有人在群里说能帮忙办证 {Guid.NewGuid():N}"; // 办证 is on the demo 敏感词 list
        var visitor = Anonymous();
        Assert.Equal(HttpStatusCode.SeeOther, (await Browserish.PostTokenlessFormAsync(visitor, $"/records/{id}", $"/records/{id}/rating", Rating(RatingGrade.Dissatisfied, comment))).StatusCode);
        int ratingId;
        await using (var db = factory.NewDbContext())
        {
            var stored = await db.Ratings.SingleAsync(r => r.TargetKind == RatingTargetKind.Record && r.TargetId == id);
            Assert.Equal(CommentState.Held, stored.CommentState);
            ratingId = stored.Id;
        }

        var office = await SignedInAsync("reviewer");
        var queue = $"/staff/ratings?comment={CommentState.Held}";
        var (_, held) = await Html.GetAsync(office, queue);
        Assert.Contains(comment, held.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var housing = await SignedInAsync("editor.housing");
        var finance = await SignedInAsync("editor.finance");
        Assert.DoesNotContain(comment, await housing.GetStringAsync("/manage/ratings"), StringComparison.Ordinal);

        var shown = await Browserish.PostFormAsync(office, queue, $"/staff/ratings/{ratingId}?comment={CommentState.Held}", new() { ["intent"] = "show" });
        Assert.Equal(HttpStatusCode.Redirect, shown.StatusCode);

        Assert.Contains(comment, await housing.GetStringAsync("/manage/ratings"), StringComparison.Ordinal);
        Assert.DoesNotContain(comment, await finance.GetStringAsync("/manage/ratings"), StringComparison.Ordinal);
        await using var check = factory.NewDbContext();
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == "rating.show" && e.EntityId == ratingId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ByUnit_CountsAQuartersGradesPerUnit()
    {
        var (id, unit) = await UnratedRecordAsync(FinanceCode);
        await using var db = factory.NewDbContext();
        var day = new DateOnly(2024, 8, 15); // a quarter no demo rating falls in
        db.Ratings.Add(Domain.Ratings.Rating.OfRecord(id, unit, false, RatingGrade.Satisfied, null, [], new string('a', 64), new DateTimeOffset(2024, 8, 15, 2, 0, 0, TimeSpan.Zero), day));
        db.Ratings.Add(Domain.Ratings.Rating.OfRecord(id, unit, false, RatingGrade.Dissatisfied, null, [], new string('b', 64), new DateTimeOffset(2024, 9, 30, 2, 0, 0, TimeSpan.Zero), new DateOnly(2024, 9, 30)));
        db.Ratings.Add(Domain.Ratings.Rating.OfRecord(id, unit, false, RatingGrade.Dissatisfied, null, [], new string('c', 64), new DateTimeOffset(2024, 10, 1, 2, 0, 0, TimeSpan.Zero), new DateOnly(2024, 10, 1)));
        await db.SaveChangesAsync();

        var q3 = await DisclosurePortal.Web.Features.Ratings.RatingQueries.ForQuarterAsync(db, 2024, 3, CancellationToken.None);

        var row = Assert.Single(q3);
        Assert.Equal(unit, row.UnitId);
        Assert.Equal((1, 0, 1), (row.Counts.Satisfied, row.Counts.FairlySatisfied, row.Counts.Dissatisfied));
        Assert.Equal(50m, row.Counts.SatisfactionRate);
    }
}

public sealed class RatingsOnSqlite(SqlitePortal factory) : RatingsTests(factory), IClassFixture<SqlitePortal>;

public sealed class RatingsOnPostgres(PostgresPortal factory) : RatingsTests(factory), IClassFixture<PostgresPortal>;
