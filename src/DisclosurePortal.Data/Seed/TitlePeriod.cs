namespace DisclosurePortal.Data.Seed;

/// <summary>
/// The period a demo title speaks of, read from its template (DemoContent): a report on a month or quarter names the
/// last one ended before publication ({month}, {quarter}), an annual account the year before ({lastYear}); a plan or
/// notice for the current month or quarter names that ({thisMonth}, {thisQuarter}); anything else the year of
/// publication. <see cref="EndsOn"/> is set for a reported period: the record cannot be written before it.
/// </summary>
internal sealed record TitlePeriod(int Year, int Month, int Quarter, DateOnly? EndsOn, DateOnly PublishedOn)
{
    /// <summary>成文日期, once known (the body's {writtenOn}).</summary>
    public DateOnly WrittenOn { get; init; } = PublishedOn;

    /// <summary>A regulation takes effect on the first of the month after next (the body's {effectiveOn}).</summary>
    public DateOnly EffectiveOn => new DateOnly(PublishedOn.Year, PublishedOn.Month, 1).AddMonths(2);

    public static TitlePeriod Of(string template, DateOnly publishedOn)
    {
        var month = new DateOnly(publishedOn.Year, publishedOn.Month, 1);
        if (template.Contains("{quarter}", StringComparison.Ordinal))
        {
            var start = new DateOnly(publishedOn.Year, (publishedOn.Month - 1) / 3 * 3 + 1, 1).AddMonths(-3);
            return new(start.Year, start.Month, QuarterOf(start), start.AddMonths(3).AddDays(-1), publishedOn);
        }
        if (template.Contains("{month}", StringComparison.Ordinal))
        {
            var start = month.AddMonths(-1);
            return new(start.Year, start.Month, QuarterOf(start), start.AddMonths(1).AddDays(-1), publishedOn);
        }
        if (template.Contains("{lastYear}", StringComparison.Ordinal))
            return new(publishedOn.Year - 1, 12, 4, new DateOnly(publishedOn.Year - 1, 12, 31), publishedOn);
        return new(publishedOn.Year, publishedOn.Month, QuarterOf(publishedOn), null, publishedOn);
    }

    private static int QuarterOf(DateOnly date) => (date.Month - 1) / 3 + 1;
}

/// <summary>一、二…十、十一…九十九: how part headings and quarters are numbered.</summary>
internal static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    public static string Of(int n) => n switch
    {
        < 1 or > 99 => throw new ArgumentOutOfRangeException(nameof(n)),
        < 10 => Digits[n].ToString(),
        10 => "十",
        < 20 => "十" + Digits[n % 10],
        _ => Digits[n / 10] + "十" + (n % 10 == 0 ? string.Empty : Digits[n % 10].ToString()),
    };
}
