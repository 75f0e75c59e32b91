using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace LayerNas.Node.Api;

/// <summary>Lets a call in only when its <c>authorization</c> header is <c>Bearer</c> and the API's token; otherwise UNAUTHENTICATED.</summary>
/// <remarks>The token is compared as SHA-256 digests in constant time, so neither its content nor its length leaks through timing.</remarks>
public sealed class BearerTokenInterceptor(string token) : Interceptor
{
    private readonly byte[] _expected = Digest(token);

    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    /// <inheritdoc />
    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    /// <inheritdoc />
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(requestStream, context);
    }

    /// <inheritdoc />
    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Check(ServerCallContext context)
    {
        const string scheme = "Bearer ";
        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "this API needs a bearer token (--token or LAYERNAS_TOKEN)"));
        }
        if (!CryptographicOperations.FixedTimeEquals(Digest(header[scheme.Length..].Trim()), _expected))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "the bearer token is wrong"));
        }
    }

    private static byte[] Digest(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
