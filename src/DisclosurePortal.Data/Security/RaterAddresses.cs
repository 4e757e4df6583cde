using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace DisclosurePortal.Data.Security;

/// <summary>
/// 评议 (issue 21 §5): "one rating of a record per address per day" without keeping anybody's address. The address and
/// the day go through an HMAC-SHA256 under a secret of its own (kept in the keys folder, protected by Data Protection,
/// as the identity numbers' blind index is): the same address on the same day gives the same hash, and nothing can be
/// reversed or linked across days, even by whoever holds the database.
/// </summary>
public sealed class RaterAddresses(IDataProtectionProvider provider, SecretKeys secrets)
{

    // Read on first use: in a cluster the key is a row, and this may be built before the migrations run.
    private readonly Lazy<byte[]> _key = new(() => secrets.LoadOrCreate(provider.CreateProtector("DisclosurePortal.RaterAddressKey.v1"), SecretKeys.RaterAddress));

    /// <summary>64 lower-case hex digits for this address on this (China) day.</summary>
    public string Hash(string? address, DateOnly day) =>
        Convert.ToHexString(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes((address ?? "unknown") + "|" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))).ToLowerInvariant();
}
