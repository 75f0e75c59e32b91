using Akka.Hosting;

namespace LayerNas.Cluster.Serialization;

/// <summary>Registers the protobuf serializer.</summary>
public static class SerializationHostingExtensions
{
    /// <summary>Binds every LayerNas protocol message to <see cref="ProtobufSerializer"/> and turns strict serialization on, so no message ever falls back to another serializer.</summary>
    public static AkkaConfigurationBuilder AddLayerNasSerialization(this AkkaConfigurationBuilder builder) => builder
        .WithCustomSerializer("layernas-protobuf", ProtobufSerializer.BoundTypes, system => new ProtobufSerializer(system))
        .WithStrictSerialization();
}
