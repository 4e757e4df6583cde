using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Security;

/// <summary>
/// The 32-byte blind-index keys, protected by Data Protection: as files in the keys folder on a single node, as rows of
/// <see cref="SharedSecret"/> in a cluster (issue 24), so that every node computes the same index of the same number.
/// </summary>
public sealed class SecretKeys(DataProtectionFolder folder, IServiceScopeFactory scopes, bool inDatabase)
{
    public bool InDatabase => inDatabase;

    /// <summary>The key named <paramref name="name"/>, made (and kept) by the first caller that needs it.</summary>
    public byte[] LoadOrCreate(IDataProtector protector, string name) =>
        inDatabase ? FromDatabase(protector, name) : PersonalData.LoadOrCreateIndexKey(protector, Path.Combine(folder.Path, name));

    private byte[] FromDatabase(IDataProtector protector, string name)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        for (var attempt = 0; ; attempt++)
        {
            var stored = db.SharedSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.ProtectedValue).FirstOrDefault();
            if (stored is not null) return protector.Unprotect(Convert.FromBase64String(stored));
            var key = RandomNumberGenerator.GetBytes(32);
            db.SharedSecrets.Add(new SharedSecret(name, Convert.ToBase64String(protector.Protect(key))));
            try
            {
                db.SaveChanges();
                return key;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another node wrote it first (the primary key): read the winner's.
                db.ChangeTracker.Clear();
            }
        }
    }
}
