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
    /// <summary>The blind index of applicants' identity numbers (<see cref="PersonalData"/>).</summary>
    public const string IdentityIndex = "identity-index.key";

    /// <summary>The daily hash of raters' addresses (<see cref="RaterAddresses"/>).</summary>
    public const string RaterAddress = "rater-address.key";

    /// <summary>Every key kept here: the files a single node's keys folder has, the rows a cluster's database has.</summary>
    public static readonly IReadOnlyList<string> Names = [IdentityIndex, RaterAddress];

    /// <summary>The key named <paramref name="name"/>, made (and kept) by the first caller that needs it.</summary>
    public byte[] LoadOrCreate(IDataProtector protector, string name) =>
        inDatabase ? FromDatabase(protector, name) : FromFile(protector, Path.Combine(folder.Path, name));

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

    private static byte[] FromFile(IDataProtector protector, string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (File.Exists(path))
            {
                var text = File.ReadAllText(path).Trim();
                if (text.Length > 0) return protector.Unprotect(Convert.FromBase64String(text));
                if (attempt > 20) throw new InvalidOperationException($"{path} is empty: restore it from the backup of the keys folder.");
                Thread.Sleep(50); // another instance is writing it this moment
                continue;
            }
            var key = RandomNumberGenerator.GetBytes(32);
            try
            {
                // CreateNew: two instances starting at once on one keys folder agree on the first key written.
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
                using var writer = new StreamWriter(file);
                writer.Write(Convert.ToBase64String(protector.Protect(key)));
                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Lost the race: read the winner's key.
            }
        }
    }
}
