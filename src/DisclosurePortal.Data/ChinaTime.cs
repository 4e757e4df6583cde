namespace DisclosurePortal.Data;

/// <summary>Instants are stored in UTC and shown in China Standard Time (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(this DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>A calendar date as the portal writes it everywhere: 2026-03-01.</summary>
    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A calendar date as the portal writes it, or null when there is none (an attribute then is not written).</summary>
    public static string? Iso(this DateOnly? date) => date?.Iso();

    /// <summary>The China date of an instant: 2026-03-01.</summary>
    public static string ChinaDate(this DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToChina().DateTime).Iso();

    /// <summary>An instant to the minute in China Standard Time: 2026-03-01 10:00.</summary>
    public static string ChinaMinute(this DateTimeOffset instant) =>
        instant.ToChina().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An instant to the second in China Standard Time (audit trails): 2026-03-01 10:00:00.</summary>
    public static string ChinaSecond(this DateTimeOffset instant) =>
        instant.ToChina().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 in China Standard Time, as feeds and exports write instants: 2026-03-01T10:00:00+08:00.</summary>
    public static string Rfc3339(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The UTC instant of a local (China) date and time.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) =>
        new DateTimeOffset(date.ToDateTime(time), Offset).ToUniversalTime();
}
