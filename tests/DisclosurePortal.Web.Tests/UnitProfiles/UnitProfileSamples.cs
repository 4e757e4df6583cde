using DisclosurePortal.Data;
using DisclosurePortal.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.UnitProfiles;

/// <summary>机构概况 sample objects made through the Domain, as staff would.</summary>
public static class UnitProfileSamples
{
    public static ProfileDraft Complete(string tag) => new()
    {
        Functions = $"负责全县住房保障和城乡建设工作。{tag}",
        Address = "建设路22号",
        OfficeHours = "工作日 8:30—17:30",
        Phone = "0839-7202501",
        ComplaintPhone = "0839-7202500",
        Offices = [new OfficeDraft("住房保障股", "公租房分配。", "0839-7202531")],
        Leaders = [new LeaderDraft("赵国平", "局长", "主持全面工作。")],
    };

    /// <summary>The unit's open draft (made when it has no open version; one in review stays and is returned).</summary>
    public static async Task<int> DraftAsync(PortalDbContext db, int departmentId, DateTimeOffset now)
    {
        var open = await db.UnitProfiles.FirstOrDefaultAsync(p => p.DepartmentId == departmentId && (p.State == ProfileState.Draft || p.State == ProfileState.Submitted));
        if (open is { State: ProfileState.Submitted }) open.Return("样例退回", now);
        if (open is null)
        {
            var number = (await db.UnitProfiles.Where(p => p.DepartmentId == departmentId).MaxAsync(p => (int?)p.Number) ?? 0) + 1;
            open = UnitProfile.Create(departmentId, number, Complete("样例"), "测试编辑", now);
            db.UnitProfiles.Add(open);
        }
        await db.SaveChangesAsync();
        return open.Id;
    }

    /// <summary>The unit's version in review: the open one submitted (or a new one made and submitted).</summary>
    public static async Task<int> SubmittedAsync(PortalDbContext db, int departmentId, DateTimeOffset now)
    {
        var open = await db.UnitProfiles.Include(p => p.Leaders).Include(p => p.Offices).FirstOrDefaultAsync(p => p.DepartmentId == departmentId && (p.State == ProfileState.Draft || p.State == ProfileState.Submitted));
        if (open is { State: ProfileState.Submitted }) return open.Id;
        if (open is null)
        {
            var number = (await db.UnitProfiles.Where(p => p.DepartmentId == departmentId).MaxAsync(p => (int?)p.Number) ?? 0) + 1;
            open = UnitProfile.Create(departmentId, number, Complete("样例"), "测试编辑", now);
            db.UnitProfiles.Add(open);
        }
        else
        {
            open.Edit(Complete("样例"), now);
        }
        open.Submit(now);
        await db.SaveChangesAsync();
        return open.Id;
    }
}
