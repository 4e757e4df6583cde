using DisclosurePortal.Domain.Site;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Seed;

/// <summary>The demo county's particulars (issue 20 §1): the only place the portal learns the name 青川县.</summary>
public static class DemoSiteIdentity
{
    public static readonly SiteIdentityFields Fields = new(
        Name: "青川县人民政府",
        ShortName: "青川县",
        NameEn: "Qingchuan County People's Government",
        SiteName: "青川县人民政府信息公开",
        SiteNameEn: "Qingchuan County Open Government Information",
        Sponsor: "青川县人民政府办公室",
        Operator: "青川县政务公开办公室",
        DisclosureOffice: "青川县政务公开办公室（设在县人民政府办公室）",
        Address: "青川县政府路1号",
        Postcode: "628100",
        Telephone: "0839-7202345",
        Hotline: "12345",
        OfficeHours: "工作日上午9:00—12:00，下午14:00—17:30",
        Email: "zwgk@qingchuan.example",
        WebsiteCode: "5110230001",
        IcpNumber: "蜀ICP备00000000号-1",
        PoliceNumber: "川公网安备00000000000000号",
        FooterLinks: "中国政府网 https://www.gov.cn\n国家政务服务平台 https://gjzwfw.www.gov.cn",
        FooterNote: "本网站为演示系统，所列单位、文件和数据均为虚构。",
        GuideText: "本网站是本县政府信息公开的第一平台。县政府公报、县政务服务中心政府信息查阅点、县档案馆和县图书馆同步提供政府信息查阅服务。\n本指南每年更新一次，最近一次更新于每年1月。",
        ReplyLetterhead: "青川县人民政府办公室",
        ReviewOrgan: "青川县人民政府",
        Court: "青川县人民法院");

    /// <summary>Writes the demo particulars unless the site has its own (a demo database from before issue 20 gets them on start).</summary>
    public static async Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.SiteIdentities.AnyAsync(ct)) return;
        db.SiteIdentities.Add(SiteIdentity.Create(Fields, "系统初始化", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }
}
