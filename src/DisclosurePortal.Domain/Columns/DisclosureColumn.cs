namespace DisclosurePortal.Domain.Columns;

/// <summary>
/// 栏目: a place in the site's tree of disclosure columns beyond the 26 domains (条例 Art. 20's 法定主动公开内容 and
/// local columns such as 建议提案办理复文). Administrators keep the tree; a column that holds records is retired, never
/// deleted, so its records keep their place and their history (<see cref="ColumnTree"/>).
/// </summary>
public sealed class DisclosureColumn
{
    public const int MaxNameLength = 60;
    public const int MaxCitationLength = 100;

    private DisclosureColumn()
    {
        NameZh = NameEn = string.Empty;
    }

    public int Id { get; private set; }
    public int? ParentId { get; private set; }
    public string NameZh { get; private set; }
    public string NameEn { get; private set; }
    /// <summary>Where the law asks for it, e.g. 条例第二十条第（七）项; empty for a local column.</summary>
    public string? Citation { get; private set; }
    public int SortOrder { get; private set; }
    public bool IsRetired { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }
    public int Version { get; private set; }

    public static DisclosureColumn Create(string nameZh, string? nameEn, string? citation, int? parentId, int sortOrder)
    {
        var column = new DisclosureColumn { ParentId = parentId, SortOrder = sortOrder };
        column.Rename(nameZh, nameEn, citation);
        return column;
    }

    public void Rename(string nameZh, string? nameEn, string? citation)
    {
        var zh = Guard.Optional(nameZh) ?? throw new DomainException("栏目名称不能为空。");
        if (zh.Length > MaxNameLength) throw new DomainException("栏目名称不能超过60个字。");
        var en = Guard.Optional(nameEn);
        if (en is { Length: > MaxNameLength * 2 }) throw new DomainException("英文名称不能超过120个字符。");
        var cite = Guard.Optional(citation);
        if (cite is { Length: > MaxCitationLength }) throw new DomainException("依据不能超过100个字。");
        NameZh = zh;
        NameEn = en ?? zh;
        Citation = cite;
        Version++;
    }

    /// <summary>Moves the column under <paramref name="parentId"/> (null: top level) at <paramref name="sortOrder"/>.</summary>
    public void MoveTo(int? parentId, int sortOrder, IReadOnlyCollection<DisclosureColumn> tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (parentId is { } p)
        {
            var parent = tree.FirstOrDefault(c => c.Id == p) ?? throw new DomainException("上级栏目不存在。");
            if (parent.IsRetired) throw new DomainException("不能移到已停用的栏目下。");
            if (p == Id || ColumnTree.Descendants(Id, tree).Contains(p)) throw new DomainException("不能把栏目移到它自己或它的下级栏目下。");
            if (ColumnTree.Depth(p, tree) + ColumnTree.Height(Id, tree) > ColumnTree.MaxDepth)
                throw new DomainException("栏目最多三级。");
        }
        ParentId = parentId;
        SortOrder = sortOrder;
        Version++;
    }

    /// <summary>停用: the column and its records leave the public tree; editors can no longer file new records under it.</summary>
    public void Retire(DateTimeOffset now)
    {
        if (IsRetired) throw new DomainException("栏目已停用。");
        IsRetired = true;
        RetiredAt = now;
        Version++;
    }

    public void Reinstate()
    {
        if (!IsRetired) throw new DomainException("栏目未停用。");
        IsRetired = false;
        RetiredAt = null;
        Version++;
    }
}
