using System.Net;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Apply.ApplySupport;

namespace DisclosurePortal.Web.Tests.Apply;

/// <summary>/track: the case's progress by its code, without the applicant's personal data.</summary>
public abstract class TrackTests(PortalFactory factory)
{
    private readonly WebApplicationFactory<Program> _app = WithRoomyLimits(factory);

    [Fact]
    public async Task Track_ShowsTheStatusAndMaskedId_NeverTheFullIdOrContact()
    {
        var client = Client(_app);
        var form = Valid();
        form["Contact"] = "applicant@example.cn";
        form["DeliveryMethod"] = ((int)DeliveryMethod.Email).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var code = await SubmitValidAsync(client, form);

        // Codes are case-insensitive and trimmed.
        var (response, doc) = await Html.GetAsync(client, $"/track?code=%20{code.ToLowerInvariant()}%20");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(code, doc.QuerySelector("#query-code").Text());
        Assert.Contains("待确认收到", doc.QuerySelector("#case-state").Text(), StringComparison.Ordinal);
        Assert.Equal(IdentityNumbers.Mask(form["IdentityNumber"]), doc.QuerySelector("#identity").Text());
        Assert.Equal("张*", doc.QuerySelector("#applicant").Text());
        var page = doc.QuerySelector("main")!.TextContent;
        foreach (var secret in new[] { form["IdentityNumber"], form["Contact"], form["PostalAddress"], form["ApplicantName"] })
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("#due-on")); // not received yet: the reply period has not started
    }

    [Fact]
    public async Task AfterTheOfficeReplies_TrackShowsTheReplyTypeAndTheLetterWithTheRemedy_AsPlainText()
    {
        var client = Client(_app);
        var code = await SubmitValidAsync(client);
        const string letter = "经查，您申请的信息属于主动公开范围。\n请见附件<b>立项批复</b>。";
        DateOnly? dueOn;
        bool provisional; // counted over a year whose schedule is not entered (in December, often the next one)
        await using (var db = factory.NewDbContext())
        {
            var calendar = await CalendarLoader.LoadAsync(db);
            var c = await db.ApplicationCases.Include(x => x.Events).SingleAsync(x => x.QueryCode == code);
            var now = factory.Clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
            c.ConfirmReceipt(today, "王审核", now, calendar, today);
            c.Reply(ReplyType.Disclosed, letter, today, "王审核", now);
            await db.SaveChangesAsync();
            dueOn = c.DueOn;
            provisional = calendar.IsEstimated(today, dueOn!.Value);
        }

        var (response, doc) = await Html.GetAsync(client, $"/track?code={code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已答复", doc.QuerySelector("#case-state").Text(), StringComparison.Ordinal);
        Assert.Equal(ReplyTypes.Describe(ReplyType.Disclosed), doc.QuerySelector("#reply-type").Text());
        Assert.Equal(dueOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (provisional ? "（暂定）" : ""), doc.QuerySelector("#due-on").Text());
        var shown = doc.QuerySelector("#reply-letter")!;
        Assert.Contains("经查，您申请的信息属于主动公开范围。", shown.TextContent, StringComparison.Ordinal);
        Assert.Contains("请见附件<b>立项批复</b>。", shown.TextContent, StringComparison.Ordinal); // the tags as text, not markup
        Assert.Null(shown.QuerySelector("b"));
        Assert.NotEmpty(shown.QuerySelectorAll("br"));
        Assert.Contains(ApplicationCase.Remedy, shown.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(doc.QuerySelectorAll(".apply-steps li")); // how the due date was computed
    }

    [Theory]
    [InlineData("/track?code=ABCDEFGHJKMN", HttpStatusCode.NotFound, "没有找到")]
    [InlineData("/track?code=ABC", HttpStatusCode.BadRequest, "查询码应为12位")]
    [InlineData("/track?code=0000OOOO1111", HttpStatusCode.BadRequest, "查询码应为12位")]
    [InlineData("/track?code=%3Cscript%3Ealert(1)%3C%2Fscript%3E", HttpStatusCode.BadRequest, "查询码应为12位")]
    [InlineData("/track?code=", HttpStatusCode.BadRequest, "请输入查询码")]
    [InlineData("/apply/receipt/ABCDEFGHJKMN", HttpStatusCode.NotFound, "没有找到")]
    [InlineData("/apply/receipt/ILLEGAL-CODE", HttpStatusCode.BadRequest, "查询码应为12位")]
    public async Task UnknownCodes_Are404s_AndMalformedOnes_400s_WithAMessage(string url, HttpStatusCode status, string message)
    {
        var (response, doc) = await Html.GetAsync(Client(_app), url);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackWithoutACode_AsksForIt()
    {
        var (response, doc) = await Html.GetAsync(Client(_app), "/track");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(doc.QuerySelector("form[method=get][action='/track'] input#code"));
        Assert.NotNull(doc.QuerySelector("label[for=code]"));
    }
}

public sealed class TrackOnSqlite(SqlitePortal factory) : TrackTests(factory), IClassFixture<SqlitePortal>;

public sealed class TrackOnPostgres(PostgresPortal factory) : TrackTests(factory), IClassFixture<PostgresPortal>;
