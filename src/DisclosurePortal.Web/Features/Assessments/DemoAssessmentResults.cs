using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Assessments;

/// <summary>
/// Demo data of 考核 that needs the web's queries: the seeded schemes computed on the first start, last year's published
/// with a comment, this year's kept internal, so that the office's, the units' and the public pages show real numbers.
/// </summary>
public sealed class DemoAssessmentResults(PortalDbContext db, ComputeAssessmentHandler compute, PublishAssessmentHandler publish, TimeProvider clock) : IDemoDataStep
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var actor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PortalClaims.Name, "系统初始化")], "demo"));
        var years = await db.AssessmentSchemes.AsNoTracking().Where(s => !db.AssessmentRuns.Any(r => r.SchemeId == s.Id))
            .Select(s => s.Year).OrderBy(y => y).ToListAsync(ct);
        var thisYear = clock.Today().Year;
        foreach (var year in years.Where(y => y <= thisYear))
        {
            var computed = await compute.HandleAsync(year, actor, ct);
            if (computed.Done && year < thisYear)
                await publish.PublishAsync(year, "各单位主动公开总体及时，个别单位按月公开的事项存在缺期，请对照本单位得分明细整改。", actor, ct);
        }
    }
}
