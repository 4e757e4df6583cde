using System.Net;
using System.Text;
using System.Text.Json;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DisclosurePortal.Web.Tests.Admin.AdminTestData;
using Microsoft.Extensions.Time.Testing;

namespace DisclosurePortal.Web.Tests.AdminCalendar;

/// <summary>
/// The administrators' working-day calendar. The class fixture's database is shared, so each test that changes data
/// uses its own years: 2031 add/remove, 2032 refused entries, 2034 refused imports, 2042 round trip (laid out like 2025),
/// 2053 overwrite; 2095–2096 are never entered (the missing-year warnings), nor is 2099.
/// </summary>
public abstract class AdminCalendarTests(PortalFactory factory)
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task List_ShowsTheEnteredYearsWithTheirCounts_AndFlagsTheCurrentAndNextYearWhenMissing()
    {
        using var at2095 = At(new DateTimeOffset(2095, 3, 1, 4, 0, 0, TimeSpan.Zero));
        var admin = await SignedInAsync(at2095, "admin");

        var (response, list) = await Html.GetAsync(admin, "/admin/calendar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("工作日历", list.QuerySelector("h1").Text());
        Assert.Single(list.QuerySelectorAll("h1"));
        var flagged = list.QuerySelectorAll(".calendar-missing li").Select(li => li.Text()).ToList();
        Assert.Equal(2, flagged.Count);
        Assert.Contains("本年度", flagged[0], StringComparison.Ordinal);
        Assert.Contains("尚未录入 2095 年的节假日安排，该年期限暂按法定节假日计算（调休无法事先知道），均为暂定。", flagged[0], StringComparison.Ordinal);
        Assert.Contains("下一年度", flagged[1], StringComparison.Ordinal);
        Assert.Contains("2096", flagged[1], StringComparison.Ordinal);
        var row2025 = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th[scope=row]").Text() == "2025 年");
        Assert.Equal(["28", "5"], row2025.QuerySelectorAll("td").Skip(1).Take(2).Select(td => td.Text()));
        Assert.All(list.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.All(list.QuerySelectorAll("main form"), f => Assert.NotNull(f.QuerySelector($"input[name={Browserish.TokenField}]")));
        Assert.Equal("multipart/form-data", list.QuerySelector("form[action='/admin/calendar/import']")!.GetAttribute("enctype"));

        // 2026 is entered, so on the real calendar's 2026 dates only a missing 2027 could be flagged.
        using var at2026 = At(new DateTimeOffset(2026, 6, 1, 4, 0, 0, TimeSpan.Zero));
        var (_, in2026) = await Html.GetAsync(await SignedInAsync(at2026, "admin"), "/admin/calendar");
        Assert.DoesNotContain(in2026.QuerySelectorAll(".calendar-missing li"), li => li.Text().Contains("2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_WarnsAdminsAndReviewersOfAMissingYear_NextYearOnlyFromNovember()
    {
        using var november = At(new DateTimeOffset(2095, 11, 15, 4, 0, 0, TimeSpan.Zero));
        var (_, asAdmin) = await Html.GetAsync(await SignedInAsync(november, "admin"), "/manage");
        var warning = asAdmin.QuerySelector("section[aria-labelledby=calendar-title]");
        Assert.NotNull(warning);
        Assert.Equal(["尚未录入 2095 年的节假日安排，该年期限暂按法定节假日计算（调休无法事先知道），均为暂定。", "尚未录入 2096 年的节假日安排，该年期限暂按法定节假日计算（调休无法事先知道），均为暂定。"],
            warning.QuerySelectorAll("li").Select(li => li.Text()));
        Assert.NotNull(warning.QuerySelector("a[href='/admin/calendar']"));

        var (_, asReviewer) = await Html.GetAsync(await SignedInAsync(november, "reviewer"), "/manage");
        var reviewerWarning = asReviewer.QuerySelector("section[aria-labelledby=calendar-title]");
        Assert.NotNull(reviewerWarning);
        Assert.Null(reviewerWarning.QuerySelector("a[href^='/admin']"));

        var (_, asEditor) = await Html.GetAsync(await SignedInAsync(november, "editor.finance"), "/manage");
        Assert.Null(asEditor.QuerySelector("section[aria-labelledby=calendar-title]"));

        using var march = At(new DateTimeOffset(2095, 3, 1, 4, 0, 0, TimeSpan.Zero));
        var (_, beforeNovember) = await Html.GetAsync(await SignedInAsync(march, "admin"), "/manage");
        Assert.Equal(["尚未录入 2095 年的节假日安排，该年期限暂按法定节假日计算（调休无法事先知道），均为暂定。"],
            beforeNovember.QuerySelectorAll("section[aria-labelledby=calendar-title] li").Select(li => li.Text()));

        using var in2026 = At(new DateTimeOffset(2026, 6, 1, 4, 0, 0, TimeSpan.Zero));
        var (_, entered) = await Html.GetAsync(await SignedInAsync(in2026, "admin"), "/manage");
        Assert.Null(entered.QuerySelector("section[aria-labelledby=calendar-title]"));
    }

    [Fact]
    public async Task CreateYear_ThenAddAndRemoveADate_ChangesTheLoadedCalendar_WithAuditEvents()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var created = await Browserish.PostFormAsync(admin, "/admin/calendar", "/admin/calendar",
            new() { ["Year"] = "2031", ["Source"] = "国办发明电〔2030〕9号" });
        Assert.Equal("/admin/calendar/2031", created.Headers.Location?.OriginalString);
        Assert.StartsWith("已录入 2031 年", await FlashAfterAsync(admin, created), StringComparison.Ordinal);

        var monday = D("2031-11-24");
        Assert.True((await LoadCalendarAsync()).IsWorkingDay(monday));
        var added = await Browserish.PostFormAsync(admin, "/admin/calendar/2031", "/admin/calendar/2031/days",
            new() { ["Date"] = "2031-11-24", ["Kind"] = "off", ["Note"] = "测试假日" });
        Assert.Equal("已将 2031-11-24 添加为休息日。", await FlashAfterAsync(admin, added));
        var calendar = await LoadCalendarAsync();
        Assert.True(calendar.Knows(2031));
        Assert.False(calendar.IsWorkingDay(monday));

        var (_, page) = await Html.GetAsync(admin, "/admin/calendar/2031");
        Assert.Equal("2031 年工作日历", page.QuerySelector("h1").Text());
        var row = page.QuerySelectorAll("table.calendar-month tbody tr").Single();
        Assert.Equal("11 月", row.Closest("table")!.QuerySelector("caption").Text());
        Assert.Equal("2031-11-24", row.QuerySelector("th[scope=row]").Text());
        Assert.Contains("休", row.Text(), StringComparison.Ordinal);
        Assert.Contains("测试假日", row.Text(), StringComparison.Ordinal);

        var removed = await Browserish.PostFormAsync(admin, "/admin/calendar/2031", "/admin/calendar/2031/days/2031-11-24/delete", []);
        Assert.StartsWith("已删除 2031-11-24", await FlashAfterAsync(admin, removed), StringComparison.Ordinal);
        Assert.True((await LoadCalendarAsync()).IsWorkingDay(monday));

        var saturday = D("2031-11-22");
        await Browserish.PostFormAsync(admin, "/admin/calendar/2031", "/admin/calendar/2031/days", new() { ["Date"] = "2031-11-22", ["Kind"] = "work" });
        Assert.True((await LoadCalendarAsync()).IsWorkingDay(saturday));

        var audit = await AuditEventsAsync(factory, "CalendarYear", 2031);
        Assert.Equal(["calendar.year.create", "calendar.day.add", "calendar.day.remove", "calendar.day.add"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal("系统管理员", e.ActorName));
        Assert.Contains("2031-11-24", audit[1].Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2032-10-11", "work", "2032-10-11 不是星期六或星期日，本来就是工作日，不能录入为调休上班日。")] // a Monday
    [InlineData("2032-10-01", "off", "2032-10-01 已经是休息日。")]
    [InlineData("2032-10-09", "off", "2032-10-09 已录入为调休上班日，一个日期不能既是休息日又是调休上班日；请先删除原来的记录。")]
    [InlineData("2033-01-03", "off", "2033-01-03 不在 2032 年内。")]
    [InlineData("2032/10/12", "off", "请输入日期，格式为 yyyy-MM-dd。")]
    public async Task AddDate_ThatBreaksARule_Is400_WithAClearMessage_AndChangesNothing(string date, string kind, string message)
    {
        await EnsureYearAsync(2032, ["2032-10-01"], ["2032-10-09"]);
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var before = await SnapshotAsync();

        var response = await Browserish.PostFormAsync(admin, "/admin/calendar/2032", "/admin/calendar/2032/days",
            new() { ["Date"] = date, ["Kind"] = kind, ["Note"] = "备注保留" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal(message, doc.QuerySelector("#Date-error").Text());
        Assert.Equal(date, doc.QuerySelector("#Date")!.GetAttribute("value"));
        Assert.Equal("备注保留", doc.QuerySelector("#Note")!.GetAttribute("value"));
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>The day form is validated while it is bound, before the action trims it: the note is judged as stored (ADR 25).</summary>
    [Fact]
    public async Task AddDate_WithANoteOfTheLongestLength_AndBlanksAroundIt_IsAdded_Trimmed()
    {
        await EnsureYearAsync(2032, ["2032-10-01"], ["2032-10-09"]);
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var note = new string('注', 100);

        var added = await Browserish.PostFormAsync(admin, "/admin/calendar/2032", "/admin/calendar/2032/days",
            new() { ["Date"] = "2032-10-13", ["Kind"] = "off", ["Note"] = $"  {note}  " });

        Assert.Equal("已将 2032-10-13 添加为休息日。", await FlashAfterAsync(admin, added));
        await using var db = factory.NewDbContext();
        Assert.Equal(note, (await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2032, 10, 13))).Note);
    }

    [Theory]
    [InlineData("/admin/calendar/1999")]
    [InlineData("/admin/calendar/2101")]
    [InlineData("/admin/calendar/abcd")]
    [InlineData("/admin/calendar/1999/export")]
    public async Task AYearOutside2000To2100_Is400(string url)
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var (response, doc) = await Html.GetAsync(admin, url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("年份应为 2000 到 2100 之间的整数。", doc.QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AYearNotEntered_Is404_WithAFormToCreateIt()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var (response, doc) = await Html.GetAsync(admin, "/admin/calendar/2099");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("尚未录入 2099 年", doc.QuerySelector("h1").Text());
        var form = doc.QuerySelector("form[action='/admin/calendar']");
        Assert.NotNull(form);
        Assert.Equal("2099", form.QuerySelector("input[name=Year]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/calendar/2099/export")).StatusCode);
    }

    [Fact]
    public async Task Export2025_GivesExactlyTheDatesOfTheSharedFile_AsAJsonDownload()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");

        var response = await admin.GetAsync("/admin/calendar/2025/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("calendar-cn-2025.json", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var exported = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var shared = JsonDocument.Parse(await File.ReadAllTextAsync(Repository.Path("src", "DisclosurePortal.Data", "Seed", "calendar-cn-2025-2026.json")));
        Assert.Equal(["source", "note", "years"], exported.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["2025"], exported.RootElement.GetProperty("years").EnumerateObject().Select(p => p.Name));
        foreach (var list in new[] { "off", "work" })
            Assert.Equal(Dates(shared, "2025", list), Dates(exported, "2025", list));
    }

    [Fact]
    public async Task ImportingAnExport_IntoAFreshYear_RoundTrips()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        // 2042 falls on the same weekdays as 2025, so 2025's schedule moved to 2042 keeps its 调休 on weekends.
        var export2025 = await (await admin.GetAsync("/admin/calendar/2025/export")).Content.ReadAsStringAsync();
        var file = export2025.Replace("2025", "2042", StringComparison.Ordinal);

        var response = await ImportAsync(admin, file, overwrite: false);

        Assert.Equal("已导入 2042 年的工作日历。", await FlashAfterAsync(admin, response));
        var export2042 = await (await admin.GetAsync("/admin/calendar/2042/export")).Content.ReadAsStringAsync();
        Assert.Equal(file, export2042);
        var calendar = await LoadCalendarAsync();
        Assert.True(calendar.Knows(2042));
        Assert.False(calendar.IsWorkingDay(D("2042-10-08")));
        Assert.True(calendar.IsWorkingDay(D("2042-10-11")));
        Assert.Equal("calendar.import", Assert.Single(await AuditEventsAsync(factory, "CalendarYear", 2042)).Action);
    }

    [Fact]
    public async Task Import_ReplacesAnEnteredYear_OnlyWithTheCheckbox()
    {
        await EnsureYearAsync(2053, ["2053-01-01", "2053-05-01"], []);
        var admin = await Browserish.SignedInAsync(factory, "admin");
        // 2053 is laid out like 2025: 2053-10-11 is a Saturday.
        var file = """{"source": "国办发明电〔2052〕1号", "note": "n", "years": {"2053": {"off": ["2053-10-01"], "work": ["2053-10-11"]}}}""";
        var before = await SnapshotAsync();

        var refused = await ImportAsync(admin, file, overwrite: false);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("2053 年已录入；如要用文件中的日期替换，请勾选“覆盖已录入年份”。", (await Html.ParseAsync(refused)).QuerySelector("#import-error").Text(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());

        var replaced = await ImportAsync(admin, file, overwrite: true);
        Assert.Equal("已导入 2053 年的工作日历。", await FlashAfterAsync(admin, replaced));
        await using var db = factory.NewDbContext();
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= D("2053-01-01") && d.Date <= D("2053-12-31")).OrderBy(d => d.Date).ToListAsync();
        Assert.Equal([(D("2053-10-01"), CalendarDayKind.Off), (D("2053-10-11"), CalendarDayKind.Work)], days.Select(d => (d.Date, d.Kind)));
        Assert.Equal("国办发明电〔2052〕1号", (await db.CalendarYears.AsNoTracking().SingleAsync(y => y.Year == 2053)).Source);
    }

    public static TheoryData<string, string> InvalidFiles => new()
    {
        { """{"source": "x", "years": {"2034": {"off": ["2034-10-01"],""", "文件不是格式正确的 JSON" },
        { """{"source": "x", "years": {"2034": {"off": ["2034-10-02"], "work": ["2034-10-09"]}}}""", "2034 年的调休上班日（work）2034-10-09 不是星期六或星期日；调休上班日只能是周末。" },
        { """{"source": "x", "years": {"2034": {"off": ["2034-10-02", "2035-01-01"], "work": []}}}""", "2034 年 off 中的日期 2035-01-01 不在 2034 年内。" },
        { """{"source": "x", "years": {"2034": {"off": ["2034-10-07"], "work": ["2034-10-07"]}}}""", "2034 年的 2034-10-07 既列为休息日（off）又列为调休上班日（work），一个日期只能是其中一种。" },
        { """{"source": "x", "years": {"2034": {"off": ["2034-10-02"], "work": []}, "1999": {"off": [], "work": []}}}""", "年份“1999”无效：年份应为 2000 到 2100 之间的四位数字。" },
        { """{"source": "x", "years": {"2034": {"off": ["2034-10-02"], "work": []}, "2025": {"off": [], "work": []}}}""", "2025 年已录入；如要用文件中的日期替换，请勾选“覆盖已录入年份”。" },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task AnInvalidImport_Is400_NamingTheProblem_AndChangesNothing(string file, string message)
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var before = await SnapshotAsync();

        var response = await ImportAsync(admin, file, overwrite: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains(message, doc.QuerySelector("#import-error").Text(), StringComparison.Ordinal);
        Assert.Contains("没有做任何修改。", doc.QuerySelector("#import-error").Text(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AnImportOver256KB_IsRefused()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var before = await SnapshotAsync();
        var response = await ImportAsync(admin, "{\"source\": \"" + new string('x', 300 * 1024) + "\"}", overwrite: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("文件超过 256 KB", (await Html.ParseAsync(response)).QuerySelector("#import-error").Text(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("editor.housing")]
    [InlineData("reviewer")]
    public async Task OtherStaff_AreForbidden_AndNothingChanges(string userName)
    {
        var client = await Browserish.SignedInAsync(factory, userName);
        var before = await SnapshotAsync();
        foreach (var page in new[] { "/admin/calendar", "/admin/calendar/2025", "/admin/calendar/2025/export" })
            await AssertForbiddenAsync(await client.GetAsync(page), page);
        var token = await ForgedRequests.TokenAsync(client, "/manage");
        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ("/admin/calendar", new() { ["Year"] = "2090", ["Source"] = "x" }),
            ("/admin/calendar/2025/days", new() { ["Date"] = "2025-11-24", ["Kind"] = "off" }),
            ("/admin/calendar/2025/days/2025-10-01/delete", []),
        };
        foreach (var (url, fields) in posts)
        {
            var body = new List<KeyValuePair<string, string>>(fields) { new(Browserish.TokenField, token) };
            await AssertForbiddenAsync(await client.PostAsync(url, new FormUrlEncodedContent(body)), url);
        }
        using var upload = ImportBody(token, """{"source": "x", "years": {"2090": {"off": [], "work": []}}}""", overwrite: true);
        await AssertForbiddenAsync(await client.PostAsync("/admin/calendar/import", upload), "/admin/calendar/import");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AnonymousVisitors_AreSentToTheLoginPage()
    {
        var client = Browserish.NewClient(factory);
        foreach (var page in new[] { "/admin/calendar", "/admin/calendar/2025", "/admin/calendar/2025/export" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task TheStaffBar_OffersTheCalendarToAdminsOnly()
    {
        var (_, asAdmin) = await Html.GetAsync(await Browserish.SignedInAsync(factory, "admin"), "/manage");
        Assert.NotNull(asAdmin.QuerySelector(".staff-bar a[href='/admin/calendar']"));
        var (_, asReviewer) = await Html.GetAsync(await Browserish.SignedInAsync(factory, "reviewer"), "/manage");
        Assert.Null(asReviewer.QuerySelector(".staff-bar a[href='/admin/calendar']"));
    }

    // --- helpers ---

    /// <summary>The app on the same database with the clock stopped at <paramref name="now"/>.</summary>
    private WebApplicationFactory<Program> At(DateTimeOffset now) =>
        factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(now))));

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> app, string userName)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var response = await Browserish.PostFormAsync(client, "/account/login", "/account/login",
            new() { ["UserName"] = userName, ["Password"] = DisclosurePortal.Data.Seed.DemoAccountsSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task<WorkingCalendar> LoadCalendarAsync()
    {
        await using var db = NewDb(factory);
        return await CalendarLoader.LoadAsync(db);
    }

    private async Task EnsureYearAsync(int year, string[] off, string[] work)
    {
        await using var db = NewDb(factory);
        if (await db.CalendarYears.AnyAsync(y => y.Year == year)) return;
        db.CalendarYears.Add(new CalendarYear(year, "测试依据", factory.Clock.GetUtcNow()));
        db.CalendarDays.AddRange(off.Select(d => new CalendarDay(D(d), CalendarDayKind.Off)));
        db.CalendarDays.AddRange(work.Select(d => new CalendarDay(D(d), CalendarDayKind.Work)));
        await db.SaveChangesAsync();
    }

    /// <summary>Everything the calendar pages can change, to show that a refusal changed nothing.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = NewDb(factory);
        var years = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).Select(y => y.Year + ":" + y.Source).ToListAsync();
        var days = (await db.CalendarDays.AsNoTracking().ToListAsync()).OrderBy(d => d.Date).Select(d => $"{d.Date:yyyy-MM-dd}:{d.Kind}:{d.Note}");
        var audits = await db.AuditEvents.CountAsync();
        return string.Join("|", years) + "#" + string.Join("|", days) + "#" + audits;
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string json, bool overwrite)
    {
        var token = await ForgedRequests.TokenAsync(client, "/admin/calendar");
        using var body = ImportBody(token, json, overwrite);
        return await client.PostAsync("/admin/calendar/import", body);
    }

    private static MultipartFormDataContent ImportBody(string token, string json, bool overwrite)
    {
        var body = new MultipartFormDataContent { { new StringContent(token), Browserish.TokenField } };
        if (overwrite) body.Add(new StringContent("true"), "overwrite");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        body.Add(file, "file", "calendar.json");
        return body;
    }

    private static string[] Dates(JsonDocument doc, string year, string list) =>
        [.. doc.RootElement.GetProperty("years").GetProperty(year).GetProperty(list).EnumerateArray().Select(e => e.GetString()!)];

    private static async Task AssertForbiddenAsync(HttpResponseMessage response, string url)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {response.StatusCode}");
        Assert.Equal("无权访问", (await Html.ParseAsync(response)).QuerySelector("h1").Text());
    }
}

public sealed class AdminCalendarOnSqlite(SqlitePortal factory) : AdminCalendarTests(factory), IClassFixture<SqlitePortal>;

public sealed class AdminCalendarOnPostgres(PostgresPortal factory) : AdminCalendarTests(factory), IClassFixture<PostgresPortal>;
