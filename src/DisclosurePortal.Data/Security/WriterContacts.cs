using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace DisclosurePortal.Data.Security;

/// <summary>
/// The name, phone and e-mail of people who write to the mailbox (网上信箱), at rest as identity numbers are
/// (<see cref="PersonalData"/>, ADR 20): encrypted with Data Protection under a purpose of their own, shown whole to
/// staff only, never on public pages, never in logs. No blind index: nothing needs to find a writer by their contact.
/// </summary>
public sealed class WriterContacts(IDataProtectionProvider provider, ILogger<WriterContacts> logger)
{
    private readonly IDataProtector _protector = provider.CreateProtector("DisclosurePortal.MessageWriterContact.v1");

    /// <summary>The stored form of a value; null for none.</summary>
    public string? Protect(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : PersonalData.Prefix + _protector.Protect(value.Trim());

    /// <summary>The value for a staff page; "—" when blank (removed after retention), a marker when undecryptable.</summary>
    public string Reveal(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return "—";
        if (!stored.StartsWith(PersonalData.Prefix, StringComparison.Ordinal)) return stored;
        try
        {
            return _protector.Unprotect(stored[PersonalData.Prefix.Length..]);
        }
        catch (CryptographicException e)
        {
            logger.LogError(e, "A message writer's contact could not be decrypted: restore the Data Protection keys folder that belongs to this database");
            return "（无法解密）";
        }
    }
}
