namespace DisclosurePortal.Domain.Catalogue;

/// <summary>
/// 公开事项: one row of a department's standard directory. Shishi Fengli 2020: the catalogue must carry the
/// item's 名称、内容、依据、时限、主体、方式、渠道、对象; an item missing one of them is incomplete.
/// </summary>
public sealed class CatalogueItem
{
    private CatalogueItem()
    {
        NameLevel1 = NameLevel2 = Content = Basis = TimeLimitText = string.Empty;
        TimeLimit = TimeLimitRule.Statutory;
    }

    public int Id { get; private set; }
    public int DepartmentId { get; private set; }
    public int DomainId { get; private set; }
    public int StageId { get; private set; }

    /// <summary>事项名称（一级）.</summary>
    public string NameLevel1 { get; private set; }

    /// <summary>事项名称（二级）.</summary>
    public string NameLevel2 { get; private set; }

    /// <summary>公开内容（要素）.</summary>
    public string Content { get; private set; }

    /// <summary>公开依据.</summary>
    public string Basis { get; private set; }

    /// <summary>公开时限 as the directory words it.</summary>
    public string TimeLimitText { get; private set; }

    /// <summary>公开时限 as a rule the system evaluates.</summary>
    public TimeLimitRule TimeLimit { get; private set; }

    /// <summary>公开方式.</summary>
    public DisclosureMethod Method { get; private set; }

    /// <summary>公开渠道和载体 (a set).</summary>
    public DisclosureChannels Channels { get; private set; }

    /// <summary>公开对象.</summary>
    public Audience Audience { get; private set; }

    /// <summary>公开层级.</summary>
    public AdministrativeLevel Level { get; private set; }

    /// <summary>更新频次.</summary>
    public UpdateFrequency Frequency { get; private set; }

    public CatalogueItemStatus Status { get; private set; }
    public int SortOrder { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }
    public string? RetiredReason { get; private set; }

    /// <summary>
    /// 应公开起始日 of a periodic item (ADR 33): the first period owed is the one containing it. Null: from the day the item was
    /// created (China time).
    /// </summary>
    public DateOnly? ExpectedFrom { get; private set; }

    /// <summary>Optimistic concurrency: bumped on every change.</summary>
    public int Version { get; private set; }

    public string DisplayName => $"{NameLevel1} · {NameLevel2}";

    public static CatalogueItem Create(CatalogueItemElements elements, int departmentId, int domainId, int stageId, DateTimeOffset now, int sortOrder = 0)
    {
        var item = new CatalogueItem
        {
            DepartmentId = departmentId,
            DomainId = domainId,
            StageId = stageId,
            Status = CatalogueItemStatus.Active,
            CreatedAt = now,
            SortOrder = sortOrder,
        };
        item.Apply(elements, now);
        return item;
    }

    /// <summary>Revises the item (动态调整); the caller records the revision history.</summary>
    public void Revise(CatalogueItemElements elements, DateTimeOffset now)
    {
        if (Status == CatalogueItemStatus.Retired)
            throw new DomainException("已停用的公开事项不能修改。");
        Apply(elements, now);
        Version++;
    }

    /// <summary>Sets from when the item owes its periodic publications (an item kept on paper before it came into the portal).</summary>
    public void SetExpectedFrom(DateOnly? from, DateTimeOffset now)
    {
        if (Status == CatalogueItemStatus.Retired)
            throw new DomainException("已停用的公开事项不能修改。");
        if (from is { Year: < 2000 })
            throw new DomainException("应公开起始日无效。");
        ExpectedFrom = from;
        UpdatedAt = now;
        Version++;
    }

    public void Retire(string reason, DateTimeOffset now)
    {
        if (Status == CatalogueItemStatus.Retired)
            throw new DomainException("该公开事项已停用。");
        RetiredReason = string.IsNullOrWhiteSpace(reason) ? throw new DomainException("停用公开事项须说明理由。") : reason.Trim();
        Status = CatalogueItemStatus.Retired;
        RetiredAt = now;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>The item's elements as an editor supplies them: to prefill a form, or to snapshot a revision.</summary>
    public CatalogueItemElements ToElements() => new()
    {
        NameLevel1 = NameLevel1,
        NameLevel2 = NameLevel2,
        Content = Content,
        Basis = Basis,
        TimeLimitText = TimeLimitText,
        TimeLimit = TimeLimit,
        Method = Method,
        Channels = Channels,
        Audience = Audience,
        Level = Level,
        Frequency = Frequency,
    };

    private void Apply(CatalogueItemElements e, DateTimeOffset now)
    {
        var missing = e.MissingRequiredElements();
        if (missing.Count > 0)
            throw new DomainException($"公开事项缺少必备要素：{string.Join("、", missing)}。");
        if (!CatalogueItemElements.AreKnown(e.Channels))
            throw new DomainException("公开渠道和载体中有无效的选项。");
        NameLevel1 = e.NameLevel1!.Trim();
        NameLevel2 = e.NameLevel2!.Trim();
        Content = e.Content!.Trim();
        Basis = e.Basis!.Trim();
        TimeLimitText = e.TimeLimitText!.Trim();
        TimeLimit = e.TimeLimit!;
        Method = e.Method!.Value;
        Channels = e.Channels;
        Audience = e.Audience!.Value;
        Level = e.Level!.Value;
        Frequency = e.Frequency!.Value;
        UpdatedAt = now;
    }
}

/// <summary>The elements an editor supplies for a catalogue item; checked for completeness before use.</summary>
public sealed record CatalogueItemElements
{
    public string? NameLevel1 { get; init; }
    public string? NameLevel2 { get; init; }
    public string? Content { get; init; }
    public string? Basis { get; init; }
    public string? TimeLimitText { get; init; }
    public TimeLimitRule? TimeLimit { get; init; }
    public DisclosureMethod? Method { get; init; }
    public DisclosureChannels Channels { get; init; }
    public Audience? Audience { get; init; }
    public AdministrativeLevel? Level { get; init; }
    public UpdateFrequency? Frequency { get; init; }

    /// <summary>Every channel the directory knows; a stored set outside it would be shown as nothing.</summary>
    public static DisclosureChannels AllChannels { get; } =
        Enum.GetValues<DisclosureChannels>().Aggregate(DisclosureChannels.None, (all, c) => all | c);

    /// <summary>True when every bit of <paramref name="channels"/> is one of the named channels.</summary>
    public static bool AreKnown(DisclosureChannels channels) => (channels & ~AllChannels) == 0;

    /// <summary>The Chinese names of the required elements that are missing, in the directory's order.</summary>
    public IReadOnlyList<string> MissingRequiredElements()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(NameLevel1) || string.IsNullOrWhiteSpace(NameLevel2)) missing.Add("事项名称");
        if (string.IsNullOrWhiteSpace(Content)) missing.Add("公开内容");
        if (string.IsNullOrWhiteSpace(Basis)) missing.Add("公开依据");
        if (string.IsNullOrWhiteSpace(TimeLimitText) || TimeLimit is null) missing.Add("公开时限");
        if (Method is null || !Enum.IsDefined(Method.Value)) missing.Add("公开方式");
        if (Channels == DisclosureChannels.None) missing.Add("公开渠道");
        if (Audience is null || !Enum.IsDefined(Audience.Value)) missing.Add("公开对象");
        if (Level is null || !Enum.IsDefined(Level.Value)) missing.Add("公开层级");
        if (Frequency is null || !Enum.IsDefined(Frequency.Value)) missing.Add("更新频次");
        return missing;
    }
}
