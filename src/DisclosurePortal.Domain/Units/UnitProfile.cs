namespace DisclosurePortal.Domain.Units;

/// <summary>The state of one version of a unit's 机构概况.</summary>
public enum ProfileState
{
    /// <summary>草稿 (also after the office sends it back).</summary>
    Draft = 1,
    /// <summary>待审核: in the office's review queue.</summary>
    Submitted = 2,
    /// <summary>已发布: the version the public sees.</summary>
    Published = 3,
    /// <summary>已被新版本替代: kept as history, no longer shown.</summary>
    Superseded = 4,
}

/// <summary>A 内设机构 as typed: name, duties, phone.</summary>
public sealed record OfficeDraft(string Name, string? Duties, string? Phone);

/// <summary>A leader as typed: name, post, 分工, and the photo (a <see cref="LeaderPhoto"/> of the unit), if any.</summary>
public sealed record LeaderDraft(string Name, string Post, string? Duties, int? PhotoId = null);

/// <summary>What a unit's editor types for its 机构概况.</summary>
public sealed record ProfileDraft
{
    public required string Functions { get; init; }
    public string? Address { get; init; }
    public string? OfficeHours { get; init; }
    public string? Phone { get; init; }
    public string? ComplaintPhone { get; init; }
    public string? Email { get; init; }
    public IReadOnlyList<OfficeDraft> Offices { get; init; } = [];
    public IReadOnlyList<LeaderDraft> Leaders { get; init; } = [];
}

/// <summary>
/// One version of a unit's 机构概况 (条例 Art. 20(二): 机构设置、职能、办公地址、办公时间、联系方式、负责人姓名; the county
/// plan adds 内设机构、投诉电话、领导名录及分工). A unit's editor drafts it, submits it, the office approves it (it becomes
/// the published version and the one before is superseded, kept as history) or returns it with a reason. Versions are
/// never deleted: the history is the list of versions.
/// </summary>
public sealed class UnitProfile
{
    public const int MaxOffices = 30;
    public const int MaxLeaders = 15;

    private readonly List<UnitOffice> _offices = [];
    private readonly List<UnitLeader> _leaders = [];

    private UnitProfile()
    {
        Functions = CreatedBy = null!;
    }

    public int Id { get; private set; }
    public int DepartmentId { get; private set; }
    /// <summary>1, 2, 3 … within the unit.</summary>
    public int Number { get; private set; }
    public ProfileState State { get; private set; }
    /// <summary>职能, plain text (paragraphs separated by blank lines).</summary>
    public string Functions { get; private set; }
    public string? Address { get; private set; }
    public string? OfficeHours { get; private set; }
    public string? Phone { get; private set; }
    /// <summary>投诉电话.</summary>
    public string? ComplaintPhone { get; private set; }
    public string? Email { get; private set; }
    public string? ReturnReason { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? SupersededAt { get; private set; }

    /// <summary>Optimistic concurrency: bumped on every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<UnitOffice> Offices => _offices;
    public IReadOnlyList<UnitLeader> Leaders => _leaders;

    public static UnitProfile Create(int departmentId, int number, ProfileDraft draft, string actorName, DateTimeOffset now)
    {
        if (number < 1) throw new DomainException("版本号无效。");
        var p = new UnitProfile { DepartmentId = departmentId, Number = number, State = ProfileState.Draft, CreatedBy = actorName, CreatedAt = now, Version = 1 };
        p.Apply(draft);
        p.UpdatedAt = now;
        return p;
    }

    public void Edit(ProfileDraft draft, DateTimeOffset now)
    {
        if (State != ProfileState.Draft) throw new DomainException("只有草稿或退回修改的机构概况可以修改。");
        Apply(draft);
        Touch(now);
    }

    /// <summary>
    /// To the office's review queue. 条例 Art. 20(二): the published profile must carry the unit's functions, address,
    /// office hours, contact and the name of its head, so a profile without them is not submitted.
    /// </summary>
    public void Submit(DateTimeOffset now)
    {
        if (State != ProfileState.Draft) throw new DomainException("只有草稿可以提交审核。");
        if (MissingForPublication() is { } missing) throw new DomainException($"机构概况缺少{missing}，请补充后再提交审核。");
        State = ProfileState.Submitted;
        ReturnReason = null;
        SubmittedAt = now;
        Touch(now);
    }

    /// <summary>
    /// The office approves: this version becomes the published one; <paramref name="current"/> (the unit's published
    /// version until now, if any) is superseded and kept.
    /// </summary>
    public void Publish(UnitProfile? current, string actorName, DateTimeOffset now)
    {
        if (State != ProfileState.Submitted) throw new DomainException("该机构概况不在审核队列中。");
        if (current is not null)
        {
            if (current.DepartmentId != DepartmentId || current.State != ProfileState.Published || ReferenceEquals(current, this))
                throw new DomainException("当前发布的机构概况不属于本单位。");
            current.State = ProfileState.Superseded;
            current.SupersededAt = now;
            current.Touch(now);
        }
        State = ProfileState.Published;
        PublishedBy = actorName;
        PublishedAt = now;
        Touch(now);
    }

    public void Return(string reason, DateTimeOffset now)
    {
        if (State != ProfileState.Submitted) throw new DomainException("该机构概况不在审核队列中。");
        ReturnReason = Guard.Optional(reason) ?? throw new DomainException("请填写退回理由。");
        State = ProfileState.Draft;
        Touch(now);
    }

    /// <summary>The parts Art. 20(二) requires that this version lacks, named as the form names them; null when complete.</summary>
    public string? MissingForPublication()
    {
        var missing = new List<string>();
        if (Address is null) missing.Add("办公地址");
        if (OfficeHours is null) missing.Add("办公时间");
        if (Phone is null) missing.Add("联系电话");
        if (_leaders.Count == 0) missing.Add("负责人（领导）");
        return missing.Count == 0 ? null : string.Join("、", missing);
    }

    /// <summary>The content of this version as a draft (a new version starts from the published one).</summary>
    public ProfileDraft ToDraft() => new()
    {
        Functions = Functions,
        Address = Address,
        OfficeHours = OfficeHours,
        Phone = Phone,
        ComplaintPhone = ComplaintPhone,
        Email = Email,
        Offices = _offices.OrderBy(o => o.Position).Select(o => new OfficeDraft(o.Name, o.Duties, o.Phone)).ToList(),
        Leaders = _leaders.OrderBy(l => l.Position).Select(l => new LeaderDraft(l.Name, l.Post, l.Duties, l.PhotoId)).ToList(),
    };

    private void Apply(ProfileDraft d)
    {
        var functions = Guard.Optional(d.Functions) ?? throw new DomainException("请填写机构职能。");
        var offices = d.Offices.Where(o => !string.IsNullOrWhiteSpace(o.Name)).ToList();
        var leaders = d.Leaders.Where(l => !string.IsNullOrWhiteSpace(l.Name)).ToList();
        if (offices.Count > MaxOffices) throw new DomainException($"内设机构最多{MaxOffices}个。");
        if (leaders.Count > MaxLeaders) throw new DomainException($"领导最多{MaxLeaders}人。");
        if (leaders.Any(l => string.IsNullOrWhiteSpace(l.Post))) throw new DomainException("请填写每位领导的职务。");
        Functions = functions;
        Address = Guard.Optional(d.Address);
        OfficeHours = Guard.Optional(d.OfficeHours);
        Phone = Guard.Optional(d.Phone);
        ComplaintPhone = Guard.Optional(d.ComplaintPhone);
        Email = Guard.Optional(d.Email);
        _offices.Clear();
        _offices.AddRange(offices.Select((o, i) => new UnitOffice(i + 1, o)));
        _leaders.Clear();
        _leaders.AddRange(leaders.Select((l, i) => new UnitLeader(i + 1, l)));
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>A 内设机构 of one profile version.</summary>
public sealed class UnitOffice
{
    private UnitOffice()
    {
        Name = null!;
    }

    internal UnitOffice(int position, OfficeDraft d)
    {
        Position = position;
        Name = d.Name.Trim();
        Duties = Guard.Optional(d.Duties);
        Phone = Guard.Optional(d.Phone);
    }

    public int Id { get; private set; }
    public int ProfileId { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; }
    public string? Duties { get; private set; }
    public string? Phone { get; private set; }
}

/// <summary>A leader (领导名录) of one profile version, with their 分工.</summary>
public sealed class UnitLeader
{
    private UnitLeader()
    {
        Name = Post = null!;
    }

    internal UnitLeader(int position, LeaderDraft d)
    {
        Position = position;
        Name = d.Name.Trim();
        Post = d.Post.Trim();
        Duties = Guard.Optional(d.Duties);
        PhotoId = d.PhotoId;
    }

    public int Id { get; private set; }
    public int ProfileId { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; }
    public string Post { get; private set; }
    /// <summary>分工.</summary>
    public string? Duties { get; private set; }
    /// <summary>The leader's photo (<see cref="LeaderPhoto"/>) in this version, if any.</summary>
    public int? PhotoId { get; private set; }
    /// <summary>The photo's row, where the query loaded it (for its content-addressed URL).</summary>
    public LeaderPhoto? Photo { get; private set; }
}
