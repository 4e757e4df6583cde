namespace DisclosurePortal.Domain.Catalogue;

/// <summary>公开方式.</summary>
public enum DisclosureMethod
{
    /// <summary>主动公开.</summary>
    Proactive = 1,
    /// <summary>依申请公开.</summary>
    OnApplication = 2,
}

/// <summary>公开对象.</summary>
public enum Audience
{
    /// <summary>全社会.</summary>
    Public = 1,
    /// <summary>特定群众.</summary>
    SpecificGroups = 2,
}

/// <summary>公开层级.</summary>
public enum AdministrativeLevel
{
    /// <summary>县级.</summary>
    County = 1,
    /// <summary>乡级.</summary>
    Township = 2,
}

/// <summary>更新频次 (Haidian 2018).</summary>
public enum UpdateFrequency
{
    /// <summary>实时.</summary>
    RealTime = 1,
    /// <summary>每月.</summary>
    Monthly = 2,
    /// <summary>每季度.</summary>
    Quarterly = 3,
    /// <summary>每年.</summary>
    Annually = 4,
    /// <summary>办结后.</summary>
    OnCompletion = 5,
}

/// <summary>公开渠道和载体: an item names a set of them, so this is a flags enum stored as one integer.</summary>
[Flags]
public enum DisclosureChannels
{
    None = 0,
    /// <summary>政府网站.</summary>
    GovernmentWebsite = 1 << 0,
    /// <summary>政府公报.</summary>
    GovernmentGazette = 1 << 1,
    /// <summary>两微一端.</summary>
    NewMedia = 1 << 2,
    /// <summary>发布会/听证会.</summary>
    PressConference = 1 << 3,
    /// <summary>广播电视.</summary>
    RadioTelevision = 1 << 4,
    /// <summary>纸质媒体.</summary>
    PrintMedia = 1 << 5,
    /// <summary>公开查阅点.</summary>
    ReadingPoint = 1 << 6,
    /// <summary>政务服务中心.</summary>
    ServiceCentre = 1 << 7,
    /// <summary>便民服务站.</summary>
    ConvenienceStation = 1 << 8,
    /// <summary>入户/现场.</summary>
    OnSite = 1 << 9,
    /// <summary>社区/村公示栏.</summary>
    NoticeBoard = 1 << 10,
    /// <summary>精准推送.</summary>
    TargetedPush = 1 << 11,
    /// <summary>12345热线.</summary>
    Hotline12345 = 1 << 12,
    /// <summary>其他.</summary>
    Other = 1 << 13,
}

/// <summary>Whether an item is in the current catalogue (动态调整: items are retired, never deleted).</summary>
public enum CatalogueItemStatus
{
    Active = 1,
    Retired = 2,
}
