using System.Security.Cryptography;
using System.Text;
using DisclosurePortal.Domain.Applications;
using Microsoft.AspNetCore.DataProtection;

namespace DisclosurePortal.Data.Security;

/// <summary>
/// Applicants' identity numbers (居民身份证号码 / 统一社会信用代码) at rest (ADR 20): stored encrypted with ASP.NET Core
/// Data Protection (keys in <c>DataProtection:KeysFolder</c>), shown only masked. So that "the same applicant" can
/// still be found (fees count one applicant's items per month), each number also gets a blind index: an HMAC-SHA256
/// under a secret of its own, itself kept in the keys folder protected by Data Protection. Neither the database file
/// nor a dump of it holds a number in clear; with the keys folder as well, it does — keep the two apart. Receipts,
/// the tracking page, lists and logs show the number masked; only the office's case page shows it whole.
/// </summary>
public sealed class PersonalData
{
    /// <summary>Marks a protected value, so that numbers stored before encryption (plain) are still told apart.</summary>
    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector;
    private readonly IDataProtector _emailProtector;
    private readonly Lazy<byte[]> _indexKey;

    private readonly ILogger<PersonalData> _logger;

    public PersonalData(IDataProtectionProvider provider, SecretKeys secrets, ILogger<PersonalData> logger)
    {
        _logger = logger;
        _protector = provider.CreateProtector("DisclosurePortal.ApplicantIdentityNumber.v1");
        _emailProtector = provider.CreateProtector("DisclosurePortal.ApplicantNotifyEmail.v1");
        // Read on first use, not here: in a cluster the key is a row, and this is built before the migrations run.
        var indexProtector = provider.CreateProtector("DisclosurePortal.IdentityIndexKey.v1");
        _indexKey = new Lazy<byte[]>(() => secrets.LoadOrCreate(indexProtector, SecretKeys.IdentityIndex));
    }

    /// <summary>The stored form of a (normalised) identity number and its blind index; nulls for no number.</summary>
    public (string? Stored, string? Index) Protect(string? number) =>
        string.IsNullOrEmpty(number) ? (null, null) : (Prefix + _protector.Protect(number), Index(number));

    /// <summary>The stored form of the applicant's 通知邮箱 (issue 19): encrypted like the number; no index (nobody searches by it).</summary>
    public string? ProtectEmail(string? address) =>
        string.IsNullOrWhiteSpace(address) ? null : Prefix + _emailProtector.Protect(address.Trim());

    /// <summary>The 通知邮箱 in clear, for the one use it has: the outbox's To; null if absent or undecryptable (logged).</summary>
    public string? RevealEmail(string? stored)
    {
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        try
        {
            return _emailProtector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException e)
        {
            _logger.LogError(e, "A notification address could not be decrypted: restore the Data Protection keys folder that belongs to this database");
            return null;
        }
    }

    /// <summary>The blind index of a (normalised) number: equal numbers, equal indexes; nothing to reverse.</summary>
    public string Index(string number) =>
        Convert.ToHexString(HMACSHA256.HashData(_indexKey.Value, Encoding.UTF8.GetBytes(number))).ToLowerInvariant();

    /// <summary>The number in clear (a value stored before encryption is returned as it is).</summary>
    public string? Reveal(string? stored) =>
        stored is null ? null
        : stored.StartsWith(Prefix, StringComparison.Ordinal) ? _protector.Unprotect(stored[Prefix.Length..])
        : stored;

    /// <summary>
    /// What lists, receipts, the tracking page and logs show: 511023********123X. A number that cannot be decrypted
    /// (the database restored without its keys folder) is shown as such and logged, never a 500.
    /// </summary>
    public string Mask(string? stored) => Readable(stored, IdentityNumbers.Mask);

    /// <summary>
    /// The whole number, for the one page that needs it: the office's case page, where the application is handled
    /// (Policies.Reviewer). Undecryptable as in <see cref="Mask"/>.
    /// </summary>
    public string Whole(string? stored) => Readable(stored, number => number ?? "—");

    private string Readable(string? stored, Func<string?, string> show)
    {
        try
        {
            return show(Reveal(stored));
        }
        catch (CryptographicException e)
        {
            _logger.LogError(e, "An identity number could not be decrypted: restore the Data Protection keys folder that belongs to this database");
            return "（无法解密）";
        }
    }
}

/// <summary>Where Data Protection keeps its keys (and the identity index key): <c>DataProtection:KeysFolder</c>.</summary>
public sealed record DataProtectionFolder(string Path)
{
    public static DataProtectionFolder From(IConfiguration configuration, IHostEnvironment environment)
    {
        var keys = configuration["DataProtection:KeysFolder"] ?? System.IO.Path.Combine(configuration["Database:DataFolder"] ?? "data", "keys");
        if (!System.IO.Path.IsPathRooted(keys)) keys = System.IO.Path.Combine(environment.ContentRootPath, keys);
        var folder = Directory.CreateDirectory(keys);
        if (!OperatingSystem.IsWindows())
            folder.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute; // 0700: the keys are the secret
        return new DataProtectionFolder(folder.FullName);
    }
}
