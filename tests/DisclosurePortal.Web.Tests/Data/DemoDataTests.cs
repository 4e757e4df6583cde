using System.Globalization;
using System.Text.RegularExpressions;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.Data;

/// <summary>
/// Issue 18 item 15: the demo county reads like a real one — parts numbered in order, every title that promises a table
/// has one, dates in titles agree with when the record was written and published, and applications in every state.
/// </summary>
public abstract partial class DemoDataTests(PortalFactory factory)
{
    private static readonly string[] PromisingWords = ["分配", "明细", "名单", "一览表", "名录", "名册", "清单", "确认表", "预算表", "汇总"];
    private const string Numerals = "一二三四五六七八九十";

    private async Task<List<(string Title, DateOnly? WrittenOn, DateOnly? PublishedOn, string Body)>> PublishedAsync()
    {
        await using var db = factory.NewDbContext();
        var rows = await db.RecordVersions.AsNoTracking().Where(v => v.IsPublished)
            .Select(v => new { v.Title, v.WrittenOn, v.PublishedOn, v.Body }).ToListAsync();
        return [.. rows.Select(r => (r.Title, r.WrittenOn, r.PublishedOn, r.Body))];
    }

    [Fact]
    public async Task Bodies_NumberTheirParts_InOrderFromOne()
    {
        var versions = await PublishedAsync();
        Assert.NotEmpty(versions);
        var numberedBodies = 0;
        foreach (var (title, _, _, body) in versions)
        {
            var parts = PartHeading().Matches(body).Select(m => m.Groups[1].Value).ToList();
            var chapters = ChapterHeading().Matches(body).Select(m => m.Groups[1].Value).ToList();
            if (parts.Count > 0) numberedBodies++;
            Assert.True(parts.SequenceEqual(parts.Select((_, i) => Numeral(i + 1))), $"{title}: parts {string.Join(" ", parts)}");
            Assert.True(chapters.SequenceEqual(chapters.Select((_, i) => Numeral(i + 1))), $"{title}: chapters {string.Join(" ", chapters)}");
            var sub = SubPartHeading().Matches(body).Select(m => m.Groups[1].Value).ToList();
            Assert.True(sub.Distinct().Count() == sub.Count, $"{title}: sub-parts repeated");
        }
        Assert.True(numberedBodies > versions.Count / 10, "few bodies have numbered parts at all");
    }

    [Fact]
    public async Task EveryTitleThatPromisesATable_HasOne()
    {
        // An interpretation (…清单》政策解读) explains the list; the document itself carries it.
        var promising = (await PublishedAsync())
            .Where(v => PromisingWords.Any(w => v.Title.Contains(w, StringComparison.Ordinal)) && !Interpretation().IsMatch(v.Title)).ToList();
        Assert.True(promising.Count >= 10, $"only {promising.Count} records promise a table");
        Assert.Contains(promising, v => v.Title.Contains("分配表", StringComparison.Ordinal));
        foreach (var (title, _, _, body) in promising)
        {
            var table = body.Split('\n').Where(l => l.StartsWith('|')).ToList();
            Assert.True(table.Count >= 5, $"{title}: no table of at least three rows");
            Assert.Matches(@"^\|(-{3}\|)+$", table[1]);
            var columns = table[0].Count(c => c == '|');
            Assert.All(table, row => Assert.Equal(columns, row.Count(c => c == '|')));
        }
    }

    [Fact]
    public async Task DatesInTitles_AgreeWithWrittenAndPublished()
    {
        var versions = await PublishedAsync();
        foreach (var (title, written, published, _) in versions)
        {
            Assert.True(written <= published, $"{title}: written {written} after published {published}");
            var forThePeriod = Prospective().IsMatch(title); // a plan or notice for the month or quarter named
            if (Quarter().Match(title) is { Success: true } q)
            {
                var start = new DateOnly(int.Parse(q.Groups[1].Value, CultureInfo.InvariantCulture), Numerals.IndexOf(q.Groups[2].Value[0], StringComparison.Ordinal) * 3 + 1, 1);
                var end = start.AddMonths(3).AddDays(-1);
                Assert.True(forThePeriod ? published <= end : written > end, $"{title}: written {written}, published {published}");
            }
            else if (Month().Match(title) is { Success: true } m)
            {
                var start = new DateOnly(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), 1);
                var end = start.AddMonths(1).AddDays(-1);
                Assert.True(forThePeriod ? published <= end : written > end, $"{title}: written {written}, published {published}");
            }
            else if (AccountOfAYear().Match(title) is { Success: true } y)
            {
                Assert.True(int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture) < written!.Value.Year, $"{title}: written {written}");
            }
            foreach (Match year in Year().Matches(title))
                Assert.True(int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture) <= published!.Value.Year + 1, $"{title}: published {published}");
        }
    }

    [Fact]
    public async Task Applications_StandInEveryState_WithEncryptedIdentityNumbers_AndFillTableThree()
    {
        await using var db = factory.NewDbContext();
        var cases = await db.ApplicationCases.AsNoTracking().ToListAsync();
        foreach (var state in Enum.GetValues<ApplicationState>())
            Assert.Contains(cases, c => c.State == state);
        Assert.Contains(cases, c => c.ExtensionWorkingDays is not null && ApplicationStates.IsOpen(c.State));
        var calendar = await CalendarLoader.LoadAsync(db);
        var running = cases.Where(c => ApplicationStates.ReplyPeriodRuns(c.State) && c.DueOn is not null).ToList();
        Assert.Contains(running, c => c.DueOn < factory.Clock.Today());
        Assert.Contains(running, c => c.DueOn >= factory.Clock.Today() && c.DueOn <= calendar.AddWorkingDays(factory.Clock.Today(), 3));
        var replyTypes = cases.Where(c => c.ReplyType is not null).Select(c => c.ReplyType).Distinct().Count();
        Assert.True(replyTypes >= 6, $"only {replyTypes} reply types");

        var personalData = factory.Services.GetRequiredService<PersonalData>();
        var today = factory.Clock.Today();
        foreach (var c in cases.Where(c => c.IdentityNumber is not null))
        {
            Assert.StartsWith(PersonalData.Prefix, c.IdentityNumber);
            var number = personalData.Reveal(c.IdentityNumber)!;
            Assert.Equal(personalData.Index(number), c.IdentityIndex);
            Assert.True(c.ApplicantKind == ApplicantKind.NaturalPerson ? IdentityNumbers.IsValidResidentId(number, today) : IdentityNumbers.IsValidCreditCode(number), number);
        }
        Assert.Contains(cases, c => c.ApplicantKind == ApplicantKind.NaturalPerson && c.IdentityNumber is not null);

        // Table 三 of last year and this year: new applications, decisions, and one carried over the new year.
        var facts = cases.Select(c => new CaseFacts(c.ApplicantKind, c.ReceivedOn, c.ReplyType, c.RepliedOn ?? c.ClosedOn)).ToList();
        var lastYear = ApplicationTable.Compute(today.Year - 1, facts);
        var thisYear = ApplicationTable.Compute(today.Year, facts);
        Assert.True(lastYear.Total(ApplicationTableRow.NewThisYear) > 0);
        Assert.True(lastYear.Total(ApplicationTableRow.DecidedTotal) > 0);
        Assert.True(thisYear.Total(ApplicationTableRow.NewThisYear) > 0);
        Assert.True(thisYear.Total(ApplicationTableRow.CarriedFromLastYear) > 0);
        Assert.True(thisYear.Total(ApplicationTableRow.CarriedToNextYear) > 0);
    }

    private static string Numeral(int n) => n <= 10 ? Numerals[n - 1].ToString() : throw new ArgumentOutOfRangeException(nameof(n));

    [GeneratedRegex(@"^### ([一二三四五六七八九十]+)、", RegexOptions.Multiline)]
    private static partial Regex PartHeading();

    [GeneratedRegex(@"^### 第([一二三四五六七八九十]+)章", RegexOptions.Multiline)]
    private static partial Regex ChapterHeading();

    [GeneratedRegex(@"^（([一二三四五六七八九十]+)）", RegexOptions.Multiline)]
    private static partial Regex SubPartHeading();

    [GeneratedRegex("(20[0-9]{2})年第([一二三四])季度")]
    private static partial Regex Quarter();

    [GeneratedRegex("(20[0-9]{2})年([0-9]{1,2})月")]
    private static partial Regex Month();

    [GeneratedRegex("(20[0-9]{2})年度?[^，。]*?(总结|决算|完成情况|工作情况|统计|自评|评价结果|收支情况|使用情况|兑付|还本付息|审计结果|落户情况|纳税信用|预算执行情况)")]
    private static partial Regex AccountOfAYear();

    [GeneratedRegex("(解读|图解|政策问答)$")]
    private static partial Regex Interpretation();

    [GeneratedRegex("计划|安排|预告|提醒|检修")]
    private static partial Regex Prospective();

    [GeneratedRegex("(?<![—-])(20[0-9]{2})年")]
    private static partial Regex Year();
}

public sealed class DemoDataOnSqlite(SqlitePortal factory) : DemoDataTests(factory), IClassFixture<SqlitePortal>;

public sealed class DemoDataOnPostgres(PostgresPortal factory) : DemoDataTests(factory), IClassFixture<PostgresPortal>;
