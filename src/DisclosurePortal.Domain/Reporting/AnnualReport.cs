using DisclosurePortal.Domain.Calendar;

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
        Year = ValidYears.Check(year);
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

    /// <summary>Who submitted the report for publication (user id and display name).</summary>
    public string? SubmittedById { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Why the last submission was returned.</summary>
    public string? ReturnComment { get; private set; }
    public string? PublishedBy { get; private set; }

    /// <summary>Every number as published (<see cref="AnnualReportTables"/> as JSON): later case changes do not rewrite it.</summary>
    public string? PublishedTablesJson { get; private set; }

    /// <summary>报送审核: the draft goes to another reviewer.</summary>
    public void Submit(string actorId, string actorName, DateTimeOffset now)
    {
        if (State != ReportState.Draft) throw new DomainException("只有草稿可以提交审核。");
        SubmittedById = actorId;
        SubmittedBy = actorName;
        SubmittedAt = now;
        ReturnComment = null;
        State = ReportState.Submitted;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>退回修改, with the reason; by someone other than the submitter.</summary>
    public void Return(string actorId, string? comment, DateTimeOffset now)
    {
        RequireOtherReviewer(actorId, "退回");
        ReturnComment = Guard.Optional(comment) ?? throw new DomainException("退回时请写明需要修改的内容。");
        State = ReportState.Draft;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>发布: the numbers are frozen as they are now (ADR 12: four eyes, the submitter cannot publish).</summary>
    public void Publish(string actorId, string actorName, AnnualReportTables tables, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tables);
        RequireOtherReviewer(actorId, "发布");
        PublishedTablesJson = System.Text.Json.JsonSerializer.Serialize(tables);
        PublishedBy = actorName;
        PublishedAt = now;
        State = ReportState.Published;
        UpdatedAt = now;
        Version++;
    }

    public AnnualReportTables? PublishedTables() =>
        PublishedTablesJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<AnnualReportTables>(PublishedTablesJson);

    private void RequireOtherReviewer(string actorId, string what)
    {
        if (State != ReportState.Submitted) throw new DomainException($"年度报告尚未提交审核，不能{what}。");
        if (actorId == SubmittedById) throw new DomainException($"提交审核的人不能自己{what}，请由另一位审核员审核。");
    }

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
