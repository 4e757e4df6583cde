namespace DisclosurePortal.Domain.Ratings;

/// <summary>
/// 评议 (issue 21 §5): one citizen's grade of a published record, an answered application or an answered message, with
/// an optional comment. Every grade counts for the unit concerned (考核 and /statistics), whatever becomes of the
/// comment; the comment is for the unit and the office only, never shown publicly. A record's rater is known only by a
/// keyed hash of their address for that day (never the address itself); an applicant or a writer is known by the
/// 查询码 they hold.
/// </summary>
public sealed class Rating
{
    public const int MaxCommentLength = 500;
    public const int MaxReasonLength = 200;
    public const int AddressHashLength = 64;
    public const string AlreadyRatedToday = "您今天已经评议过这条信息，请明天再评。";

    /// <summary>How long a writer may change their rating of an answered message (local rule, documented in the ADR).</summary>
    public static readonly TimeSpan MessageChangeWindow = TimeSpan.FromDays(7);

    private Rating()
    {
    }

    public int Id { get; private set; }
    public RatingTargetKind TargetKind { get; private set; }
    public int TargetId { get; private set; }

    /// <summary>The unit the rating concerns: the record's department, the case's or message's assigned unit (null: the office itself).</summary>
    public int? UnitId { get; private set; }

    public RatingGrade Grade { get; private set; }
    public string? Comment { get; private set; }
    public CommentState CommentState { get; private set; }

    /// <summary>The 敏感词 that held the comment, comma-separated.</summary>
    public string? HeldFor { get; private set; }

    public string? HiddenReason { get; private set; }
    public string? ModeratedBy { get; private set; }
    public DateTimeOffset? ModeratedAt { get; private set; }

    public DateTimeOffset RatedAt { get; private set; }

    /// <summary>The day in China the rating was given: what the per-day rule and the period counts use.</summary>
    public DateOnly RatedOn { get; private set; }

    public DateTimeOffset? ChangedAt { get; private set; }

    /// <summary>Keyed hash of the rater's address and the day; null for an applicant's or a writer's rating.</summary>
    public string? AddressHash { get; private set; }

    /// <summary>Anyone may rate a published record (the caller has found it published).</summary>
    /// <remarks>One rating of a record per address per day: a second one the same day is refused, so one person cannot
    /// tip a unit's figures by reloading (the rate limiter bounds the rest).</remarks>
    public static Rating OfRecord(int recordId, int departmentId, bool ratedTodayFromAddress, RatingGrade grade, string? comment,
        IReadOnlyList<string> sensitive, string addressHash, DateTimeOffset at, DateOnly on)
    {
        if (ratedTodayFromAddress) throw new DomainException(AlreadyRatedToday);
        if (string.IsNullOrWhiteSpace(addressHash) || addressHash.Length > AddressHashLength) throw new ArgumentException("An address hash is required.", nameof(addressHash));
        return New(RatingTargetKind.Record, recordId, departmentId, grade, comment, sensitive, at, on, addressHash);
    }

    /// <summary>
    /// Only the applicant (holder of the 查询码) rates their application, once, after it has been answered (条例
    /// Art. 36: a reply of one of the kinds it lists; the caller passes whether the case has one).
    /// </summary>
    public static Rating OfCase(int caseId, int? unitId, bool answered, bool alreadyRated, RatingGrade grade, string? comment,
        IReadOnlyList<string> sensitive, DateTimeOffset at, DateOnly on)
    {
        if (!answered) throw new DomainException("申请答复后才能评议。");
        if (alreadyRated) throw new DomainException("您已评议过这件申请，每件申请只能评议一次。");
        return New(RatingTargetKind.ApplicationCase, caseId, unitId, grade, comment, sensitive, at, on, null);
    }

    /// <summary>Only the writer (holder of the 查询码) rates their message, once it is answered; a change comes by <see cref="Change"/>.</summary>
    public static Rating OfMessage(int messageId, int? unitId, bool answered, RatingGrade grade, string? comment,
        IReadOnlyList<string> sensitive, DateTimeOffset at, DateOnly on)
    {
        if (!answered) throw new DomainException("留言答复后才能评议。");
        return New(RatingTargetKind.Message, messageId, unitId, grade, comment, sensitive, at, on, null);
    }

    /// <summary>Whether the writer may still change this rating of a message at <paramref name="now"/>.</summary>
    public bool MayChange(DateTimeOffset now) => TargetKind == RatingTargetKind.Message && now - RatedAt <= MessageChangeWindow;

    /// <summary>
    /// The writer changes their grade and comment within <see cref="MessageChangeWindow"/> of the first rating; the
    /// new comment is moderated afresh (a comment the office hid does not come back by being typed again unchecked).
    /// </summary>
    public void Change(RatingGrade grade, string? comment, IReadOnlyList<string> sensitive, DateTimeOffset at)
    {
        if (TargetKind != RatingTargetKind.Message) throw new DomainException("这项评议不能修改。");
        if (!MayChange(at)) throw new DomainException("评议后7天内可以修改，现已超过期限。");
        Grade = CheckedGrade(grade);
        SetComment(comment, sensitive);
        ChangedAt = at;
        ModeratedBy = null;
        ModeratedAt = null;
        HiddenReason = null;
    }

    /// <summary>The office shows a held (or hidden) comment to the unit.</summary>
    public void Show(string moderator, DateTimeOffset at)
    {
        if (CommentState is not (CommentState.Held or CommentState.Hidden)) throw new DomainException("只能显示待审核或已隐藏的意见。");
        CommentState = CommentState.Shown;
        HiddenReason = null;
        ModeratedBy = Guard.Required(moderator, nameof(moderator));
        ModeratedAt = at;
    }

    /// <summary>The office hides a comment, saying why; the grade still counts.</summary>
    public void Hide(string moderator, string? reason, DateTimeOffset at)
    {
        if (CommentState is not (CommentState.Held or CommentState.Shown)) throw new DomainException("只能隐藏待审核或已显示的意见。");
        var why = Guard.Optional(reason) ?? throw new DomainException("请填写隐藏原因。");
        if (why.Length > MaxReasonLength) throw new DomainException("隐藏原因不能超过200字。");
        CommentState = CommentState.Hidden;
        HiddenReason = why;
        ModeratedBy = Guard.Required(moderator, nameof(moderator));
        ModeratedAt = at;
    }

    private static Rating New(RatingTargetKind kind, int targetId, int? unitId, RatingGrade grade, string? comment, IReadOnlyList<string> sensitive,
        DateTimeOffset at, DateOnly on, string? addressHash)
    {
        var rating = new Rating
        {
            TargetKind = kind,
            TargetId = targetId,
            UnitId = unitId,
            Grade = CheckedGrade(grade),
            RatedAt = at,
            RatedOn = on,
            AddressHash = addressHash,
        };
        rating.SetComment(comment, sensitive);
        return rating;
    }

    private void SetComment(string? comment, IReadOnlyList<string> sensitive)
    {
        var text = Guard.Optional(comment);
        if (text is not null && text.Length > MaxCommentLength) throw new DomainException("意见不能超过500字。");
        Comment = text;
        // A comment with a 敏感词 waits for the office; any other is shown to the unit at once.
        CommentState = text is null ? CommentState.None : sensitive.Count > 0 ? CommentState.Held : CommentState.Shown;
        HeldFor = text is not null && sensitive.Count > 0 ? string.Join("，", sensitive) : null;
    }

    private static RatingGrade CheckedGrade(RatingGrade grade) =>
        Enum.IsDefined(grade) ? grade : throw new DomainException("请选择满意、基本满意或不满意。");
}

/// <summary>A unit's grades over a period, and its 满意率.</summary>
public sealed record RatingCounts(int Satisfied, int FairlySatisfied, int Dissatisfied)
{
    public static RatingCounts Zero { get; } = new(0, 0, 0);

    public int Total => Satisfied + FairlySatisfied + Dissatisfied;

    /// <summary>
    /// 满意率 = (满意 + 基本满意) / 评议总数, as county 考核 schemes count it; null when nobody rated (no rate, not 0 %).
    /// </summary>
    public decimal? SatisfactionRate => Total == 0 ? null : Math.Round((Satisfied + FairlySatisfied) * 100m / Total, 1, MidpointRounding.AwayFromZero);

    public RatingCounts Add(RatingGrade grade) => grade switch
    {
        RatingGrade.Satisfied => this with { Satisfied = Satisfied + 1 },
        RatingGrade.FairlySatisfied => this with { FairlySatisfied = FairlySatisfied + 1 },
        RatingGrade.Dissatisfied => this with { Dissatisfied = Dissatisfied + 1 },
        _ => this,
    };

    public RatingCounts Plus(RatingCounts other) =>
        new(Satisfied + other.Satisfied, FairlySatisfied + other.FairlySatisfied, Dissatisfied + other.Dissatisfied);
}
