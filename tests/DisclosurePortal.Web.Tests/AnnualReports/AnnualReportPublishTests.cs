using System.Net;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Seed;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.AnnualReports;

public abstract class AnnualReportPublishTests(PortalFactory factory)
{
    private const string Office = "/reports/annual/2022";

    private async Task<HttpClient> SecondReviewerAsync()
    {
        _ = factory.Server;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            if (await users.FindByNameAsync("reviewer2") is null)
            {
                var user = new PortalUser { UserName = "reviewer2", DisplayName = "周审核（县政务公开办）" };
                Assert.True((await users.CreateAsync(user, DemoAccountsSeeder.Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, Roles.Reviewer)).Succeeded);
            }
        }
        return await Browserish.SignedInAsync(factory, "reviewer2");
    }

    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, string action, Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        fields["version"] = await Browserish.InputValueAsync(client, Office, "Version");
        return await Browserish.PostFormAsync(client, Office, $"{Office}/{action}", fields);
    }

    [Fact]
    public async Task AnotherReviewer_PublishesOrReturns_AndThePublishedNumbersAreFrozen()
    {
        var year = new CaseYear(2022);
        await year.WriteAsync(factory);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var second = await SecondReviewerAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, Office, Office, AnnualReportDraftTests.ValidFields())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, "submit")).StatusCode);

        var own = await ActAsync(reviewer, "publish");
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("提交审核的人不能自己发布", (await Html.ParseAsync(own)).QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        var noReason = await ActAsync(second, "return", new() { ["comment"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(second, "return", new() { ["comment"] = "请补充总体情况。" })).StatusCode);
        var (_, returned) = await Html.GetAsync(reviewer, Office);
        Assert.Equal("草稿", returned.QuerySelector("#report-state").Text());
        Assert.Contains("请补充总体情况。", returned.QuerySelector("#return-comment").Text(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, "submit")).StatusCode);
        var visitor = Browserish.NewClient(factory);
        await visitor.GetAsync("/annual-reports");
        Assert.NotNull((await visitor.GetAsync("/annual-reports")).Headers.Age); // the list is in the output cache; publishing evicts it
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(second, "publish")).StatusCode);

        var (_, list) = await Html.GetAsync(visitor, "/annual-reports");
        Assert.Contains(list.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/annual-reports/2022");
        await AssertPublicTableAsync(visitor, year);

        // A case decided in 2022 entered after publication changes the live computation, not the published report.
        await using (var db = factory.NewDbContext())
        {
            var calendar = await CalendarLoader.LoadAsync(db);
            var late = ApplicationCase.Register(new ApplicationDetails
            {
                ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "迟到", Contact = "1", InformationDescription = "补录", Channel = ApplicationChannel.Mail,
            }, "LATE" + Guid.NewGuid().ToString("N")[..8], new DateOnly(2022, 9, 1), "测试", factory.Clock.GetUtcNow(), calendar, new DateOnly(2022, 9, 1));
            late.Reply(ReplyType.Disclosed, "答复。", new DateOnly(2022, 9, 5), "测试", factory.Clock.GetUtcNow());
            db.ApplicationCases.Add(late);
            await db.SaveChangesAsync();
        }
        await AssertPublicTableAsync(visitor, year);
        // A published report's form is disabled: only a hand-made request can try to change it.
        var frozen = await ForgedRequests.TamperedFormAsync(reviewer, Office, Office, AnnualReportDraftTests.ValidFields(await Browserish.InputValueAsync(reviewer, Office, "Version")));
        Assert.Equal(HttpStatusCode.BadRequest, frozen.StatusCode);

        await AssertDownloadsMatchThePageAsync(visitor);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/annual-reports/2021")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/annual-reports/2021.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.GetAsync("/annual-reports/2022.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.GetAsync("/annual-reports/abc")).StatusCode);
    }

    private static async Task AssertDownloadsMatchThePageAsync(HttpClient visitor)
    {
        var (_, page) = await Html.GetAsync(visitor, "/annual-reports/2022");
        var expected = DisclosurePortal.Web.Features.AnnualReports.ReportLayout.ApplicationLines.ToDictionary(
            l => l.FullLabel, l => page.QuerySelectorAll($"#table3 tr[data-row={l.Row}] td").Select(td => td.Text()).ToList());
        var table4 = page.QuerySelectorAll("#table4 td").Select(td => td.Text()).ToList();
        Assert.Equal(15, table4.Count);

        var xlsxResponse = await visitor.GetAsync(page.QuerySelector("#download-xlsx")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        using (var xlsx = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync()), false))
        {
            var rows = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
                .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
            foreach (var (label, cells) in expected)
                Assert.Equal(cells, rows.Single(r => r[0] == label).Skip(1));
            Assert.Equal(table4, rows.Where(r => r[0].StartsWith("行政复议", StringComparison.Ordinal) || r[0].StartsWith("行政诉讼", StringComparison.Ordinal)).SelectMany(r => r.Skip(1)));
        }
        var docxResponse = await visitor.GetAsync(page.QuerySelector("#download-docx")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, docxResponse.StatusCode);
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docxResponse.Content.ReadAsByteArrayAsync()), false))
        {
            var rows = docx.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
                .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            foreach (var (label, cells) in expected)
                Assert.Equal(cells, rows.Single(r => r[0] == label).Skip(1));
            Assert.Equal(table4, rows.Where(r => r[0].StartsWith("行政复议", StringComparison.Ordinal) || r[0].StartsWith("行政诉讼", StringComparison.Ordinal)).SelectMany(r => r.Skip(1)));
            Assert.Contains("本年度全面推进政务公开。", docx.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
        }
    }

    private static async Task AssertPublicTableAsync(HttpClient visitor, CaseYear year)
    {
        var (response, page) = await Html.GetAsync(visitor, "/annual-reports/2022");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var kinds = Enum.GetValues<ApplicantKind>().Order().ToList();
        foreach (var row in ApplicationTable.Rows)
        {
            var cells = page.QuerySelectorAll($"#table3 tr[data-row={row}] td").Select(td => td.Text()).ToList();
            Assert.Equal([.. kinds.Select(k => year.Expected(row, k).ToString(System.Globalization.CultureInfo.InvariantCulture)), year.ExpectedTotal(row).ToString(System.Globalization.CultureInfo.InvariantCulture)], cells);
        }
        Assert.Equal("120", page.QuerySelector("#table2 tr[data-row=Licensing] td").Text());
        Assert.Equal("4", page.QuerySelector("#table4 td[data-cell='4']").Text());
        Assert.NotNull(page.QuerySelector("#table3 caption"));
    }

    [Fact]
    public async Task ARefusedReturn_ShowsTheCommentAgain_AsTyped()
    {
        var page = "/reports/annual/2019";
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, page, page, AnnualReportDraftTests.ValidFields())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, page, $"{page}/submit", [])).StatusCode);

        // Its submitter may not return it: refused, and the comment written meanwhile is still in the box.
        const string comment = "第二部分的行政许可数字请与审批局核对后重新填写，第五部分请补充整改措施。";
        var refused = await Browserish.PostFormAsync(reviewer, page, $"{page}/return", new() { ["comment"] = comment });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var doc = await Html.ParseAsync(refused);
        Assert.Contains("不能自己退回", doc.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal(comment, doc.QuerySelector("textarea#comment").Text());
        await using var db = factory.NewDbContext();
        Assert.Equal(ReportState.Submitted, (await db.AnnualReports.SingleAsync(r => r.Year == 2019)).State);
    }

    [Fact]
    public async Task AnExpiredForm_Is400_SaysSo_AndSavesNothing()
    {
        var page = "/reports/annual/2018";
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var form = await PageForm.FindAsync(reviewer, page, page);
        var fields = form.Fill(AnnualReportDraftTests.ValidFields())
            .Select(f => f.Key == Browserish.TokenField ? new KeyValuePair<string, string>(f.Key, "CfDJ8-expired-token") : f);

        var response = await reviewer.PostAsync(page, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal(AntiforgeryFailurePage.Title, doc.QuerySelector("#problem-title").Text());
        Assert.Contains("没有保存任何内容", doc.QuerySelector(".problem").Text(), StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.False(await db.AnnualReports.AnyAsync(r => r.Year == 2018));
    }
}

public sealed class AnnualReportPublishTestsOnSqlite(SqlitePortal factory) : AnnualReportPublishTests(factory), IClassFixture<SqlitePortal>;

public sealed class AnnualReportPublishTestsOnPostgres(PostgresPortal factory) : AnnualReportPublishTests(factory), IClassFixture<PostgresPortal>;
