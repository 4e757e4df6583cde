using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Security;

/// <summary>
/// On start, after the migrations: encrypts and indexes identity numbers still stored in clear (written before ADR 20,
/// or by an import), a thousand at a time, each batch in its own transaction. Nothing to do is one read of the cases
/// table (no index serves "not yet encrypted"; a district's cases are thousands, the generated province's 100,000).
/// </summary>
public sealed class IdentityNumberSealer(PortalDbContext db, PersonalData personalData, ILogger<IdentityNumberSealer> logger)
{
    private const int Batch = 1000;

    public async Task<int> SealAsync(CancellationToken ct = default)
    {
        var sealedCount = 0;
        while (true)
        {
            var plain = await db.ApplicationCases.AsNoTracking()
                .Where(c => c.IdentityNumber != null && !c.IdentityNumber.StartsWith(PersonalData.Prefix))
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.IdentityNumber }).Take(Batch).ToListAsync(ct);
            if (plain.Count == 0) break;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in plain)
            {
                var (stored, index) = personalData.Protect(row.IdentityNumber!.Trim().ToUpperInvariant());
                await db.ApplicationCases.Where(c => c.Id == row.Id && c.IdentityNumber == row.IdentityNumber)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.IdentityNumber, stored).SetProperty(c => c.IdentityIndex, index), ct);
            }
            await transaction.CommitAsync(ct);
            sealedCount += plain.Count;
        }
        if (sealedCount > 0) logger.LogInformation("Encrypted {Count} identity numbers stored in clear", sealedCount);
        return sealedCount;
    }
}
