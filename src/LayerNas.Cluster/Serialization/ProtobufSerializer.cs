using System.Collections.Frozen;
using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Serialization;

/// <summary>
/// Serializes every actor message and persisted event of LayerNas.Cluster as protobuf. The manifest is the message's
/// full protobuf name, whose package carries the protocol version ("layernas.v1.TrialLease").
/// </summary>
/// <remarks>
/// Journals outlive releases: a manifest names a schema, never a CLR type, so types may move or be renamed freely,
/// and a later protocol version can add a "layernas.v2" package beside this one while old journals still read.
/// </remarks>
public sealed class ProtobufSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The serializer's identifier in Akka's registry; stored with every persisted event, so never change it.</summary>
    public const int SerializerId = 4711;

    private static readonly FrozenDictionary<Type, string> ManifestByType;
    private static readonly FrozenDictionary<string, MessageParser> ParserByManifest;

    static ProtobufSerializer()
    {
        var descriptors = MessagesReflection.Descriptor.MessageTypes.Concat(EventsReflection.Descriptor.MessageTypes).ToList();
        ManifestByType = descriptors.ToFrozenDictionary(d => d.ClrType, d => d.FullName);
        ParserByManifest = descriptors.ToFrozenDictionary(d => d.FullName, d => d.Parser);
    }

    /// <summary>Every message type this serializer handles: the top-level messages of messages.proto and events.proto.</summary>
    public static IReadOnlyCollection<Type> BoundTypes => ManifestByType.Keys;

    /// <inheritdoc />
    public override int Identifier => SerializerId;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => obj is IMessage message && ManifestByType.ContainsKey(obj.GetType())
        ? message.ToByteArray()
        : throw new ArgumentException($"{obj.GetType()} is not a LayerNas protocol message", nameof(obj));

    /// <inheritdoc />
    public override string Manifest(object o) => ManifestByType.TryGetValue(o.GetType(), out var manifest)
        ? manifest
        : throw new ArgumentException($"{o.GetType()} is not a LayerNas protocol message", nameof(o));

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest) => ParserByManifest.TryGetValue(manifest, out var parser)
        ? parser.ParseFrom(bytes)
        : throw new SerializationException($"unknown LayerNas protocol manifest '{manifest}'");
}
