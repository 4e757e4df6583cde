namespace DisclosurePortal.Domain.Catalogue;

/// <summary>One of the 26 grassroots disclosure domains (国办发〔2019〕54号). Reference data with a stable code.</summary>
public sealed class DisclosureDomain
{
    public DisclosureDomain(int id, string code, string nameZh, string nameEn, int sortOrder)
    {
        Id = id;
        Code = Guard.Required(code, nameof(code));
        NameZh = Guard.Required(nameZh, nameof(nameZh));
        NameEn = Guard.Required(nameEn, nameof(nameEn));
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string NameZh { get; private set; }
    public string NameEn { get; private set; }
    public int SortOrder { get; private set; }
}

/// <summary>One of the five stages (五公开): 决策, 执行, 管理, 服务, 结果.</summary>
public sealed class DisclosureStage
{
    public DisclosureStage(int id, string code, string nameZh, string nameEn, int sortOrder)
    {
        Id = id;
        Code = Guard.Required(code, nameof(code));
        NameZh = Guard.Required(nameZh, nameof(nameZh));
        NameEn = Guard.Required(nameEn, nameof(nameEn));
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string NameZh { get; private set; }
    public string NameEn { get; private set; }
    public int SortOrder { get; private set; }
}
