namespace DisclosurePortal.Domain.Reporting;

public enum ReportState
{
    Draft = 1,
    Submitted = 2,
    Published = 3,
}

/// <summary>
/// 政府信息公开工作年度报告 (条例 Arts. 49–50; format 国办公开办函〔2021〕30号), due by 31 January for the
/// year before. Tables 二–四 are computed from the data or entered figures; sections 一, 五, 六 are text.
/// </summary>
public sealed class AnnualReport
{
    private AnnualReport()
    {
        ManualFiguresJson = "{}";
    }

    public AnnualReport(int year, DateTimeOffset now)
    {
        Year = year is >= 2000 and <= 2100 ? year : throw new DomainException("年份应在 2000 到 2100 之间。");
        State = ReportState.Draft;
        CreatedAt = UpdatedAt = now;
        ManualFiguresJson = "{}";
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public ReportState State { get; private set; }

    /// <summary>一、总体情况.</summary>
    public string? OverviewText { get; private set; }

    /// <summary>五、存在的主要问题及改进情况.</summary>
    public string? ProblemsText { get; private set; }

    /// <summary>六、其他需要报告的事项.</summary>
    public string? OtherMattersText { get; private set; }

    /// <summary>Figures entered by hand (行政许可, 行政处罚, 行政强制, 收费, Table 四), as JSON.</summary>
    public string ManualFiguresJson { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Saves the draft's text and hand-entered figures; only a draft can be changed.</summary>
    public void SaveDraft(string? overview, string? problems, string? otherMatters, ManualFigures figures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (State != ReportState.Draft) throw new DomainException("年度报告已提交或已发布，不能再修改。");
        if (figures.Inconsistencies() is { Count: > 0 } problemsFound) throw new DomainException(problemsFound[0]);
        OverviewText = Guard.Optional(overview);
        ProblemsText = Guard.Optional(problems);
        OtherMattersText = Guard.Optional(otherMatters);
        ManualFiguresJson = System.Text.Json.JsonSerializer.Serialize(figures);
        UpdatedAt = now;
        Version++;
    }

    public ManualFigures Figures() =>
        System.Text.Json.JsonSerializer.Deserialize<ManualFigures>(ManualFiguresJson) ?? new ManualFigures();
}
