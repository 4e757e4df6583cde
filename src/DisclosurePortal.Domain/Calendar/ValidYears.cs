namespace DisclosurePortal.Domain.Calendar;

/// <summary>
/// The years the portal keeps calendars, reports and statistics for. The rule is stated here once; the calendar
/// file, the calendar years, the annual and the quarterly reports and the pages that read a year all ask it.
/// </summary>
public static class ValidYears
{
    public const int Min = 2000;
    public const int Max = 2100;
    public const string Message = "年份应为2000到2100之间的四位数字。";

    public static bool IsValid(int year) => year is >= Min and <= Max;

    /// <summary><paramref name="year"/>, or a refusal a person can read.</summary>
    public static int Check(int year) => IsValid(year) ? year : throw new DomainException(Message);
}
