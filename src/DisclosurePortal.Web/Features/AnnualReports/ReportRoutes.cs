using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Web.Features.Shared;

namespace DisclosurePortal.Web.Features.AnnualReports;

/// <summary>The {year} of an annual report's URL.</summary>
public sealed record ReportYear(int Year) : IQueryFilter<ReportYear>
{
    public static ReportYear Read(QueryReader q)
    {
        if (TryRead(q.Text("year"), out var year)) return new ReportYear(year);
        q.Refuse(ValidYears.Message);
        return new ReportYear(0);
    }

    internal static bool TryRead(string? raw, out int year)
    {
        year = 0;
        return raw is not null && QueryReader.TryYear(raw, out year);
    }
}

/// <summary>The {year}.{format} of a published report's download.</summary>
public sealed record ReportDownload(int Year, string Format) : IQueryFilter<ReportDownload>
{
    public static ReportDownload Read(QueryReader q)
    {
        var format = q.Text("format");
        if (ReportYear.TryRead(q.Text("year"), out var year) && format is "xlsx" or "docx") return new ReportDownload(year, format);
        q.Refuse("下载格式应为 .xlsx 或 .docx。");
        return new ReportDownload(0, "");
    }
}
