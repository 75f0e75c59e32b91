using System.Security.Cryptography;
using System.Text;

namespace LayerNas.Dashboard.Hosting;

/// <summary>Compares a presented token with the node's as SHA-256 digests in constant time, so neither its content nor its length leaks through timing.</summary>
public sealed class TokenCheck(string token)
{
    private readonly byte[] _expected = Digest(token);

    /// <summary>Whether <paramref name="presented"/> is the node's token.</summary>
    public bool Accepts(string presented) => CryptographicOperations.FixedTimeEquals(Digest(presented.Trim()), _expected);

    private static byte[] Digest(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
