using System.Globalization;
using DisclosurePortal.Domain.Reporting;

namespace DisclosurePortal.Web.Features.QuarterlyReports;

/// <summary>The fields the freeze and publish forms post (the actions' own parameters), for the actions and the page.</summary>
public static class BulletinFields
{
    public const string Version = "version";

    /// <summary>The audit trail's name for a quarter's 通报 (one entry names the quarter; the summary says which edition).</summary>
    public static string AuditKey(Quarter q) => string.Create(CultureInfo.InvariantCulture, $"{q.Year}-q{q.Number}");

    public static string Title(Quarter q) => string.Create(CultureInfo.InvariantCulture, $"{q.Year}年第{q.Number}季度");

    public static string Describe(BulletinState? state) => state switch
    {
        BulletinState.Frozen => "已冻结，待发布",
        BulletinState.Published => "已发布",
        BulletinState.Superseded => "已更正",
        _ => "未冻结",
    };
}
