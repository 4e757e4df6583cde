using System.Security.Cryptography.X509Certificates;

namespace DisclosurePortal.Data;

/// <summary>
/// Several nodes behind a load balancer (issue 24, docs/scaling.md): on when <c>Cluster:Redis</c> names a Redis server.
/// It needs PostgreSQL (or SQL Server) for the data and a certificate with its private key,
/// <c>Cluster:KeyCertificate</c> (a PKCS #12 file, password <c>Cluster:KeyCertificatePassword</c>), that encrypts the
/// shared Data Protection keys at rest. Without <c>Cluster:Redis</c> the portal is the single node it always was.
/// </summary>
public static class ClusterMode
{
    public static bool IsOn(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Cluster:Redis"]);

    /// <summary>
    /// <c>Cluster:Name</c> (default "disclosureportal"): the prefix of this cluster's Redis keys and channel and of its
    /// PostgreSQL channel, so that several sites (a province's counties) can share one Redis. Letters, digits, '_' and '-'.
    /// </summary>
    public static string Name(IConfiguration configuration)
    {
        var name = configuration["Cluster:Name"];
        if (string.IsNullOrWhiteSpace(name)) return "disclosureportal";
        if (name.Length > 40 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            throw new InvalidOperationException($"Cluster:Name '{name}' may hold only letters, digits, '_' and '-' (at most 40).");
        return name;
    }

    public static X509Certificate2 KeyCertificate(IConfiguration configuration)
    {
        var path = configuration["Cluster:KeyCertificate"];
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            throw new InvalidOperationException(
                "The nodes of a cluster share their Data Protection keys in the database: set Cluster:KeyCertificate to a PKCS #12 file (with its private key) that every node has, to encrypt them at rest (docs/scaling.md).");
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Cluster:KeyCertificatePassword"]);
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"Cluster:KeyCertificate ({path}) has no private key: the nodes could not read the keys they encrypt.");
        return certificate;
    }
}
