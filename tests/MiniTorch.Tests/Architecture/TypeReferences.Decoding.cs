using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Text.RegularExpressions;

namespace MiniTorch.Tests;

/// <summary>
/// What decoding a signature or an attribute value needs to know of a type: a primitive's code, a type of this
/// assembly, or the assembly-qualified name of another assembly's type (to tell System.Type, or an enum's underlying
/// type). Arrays, pointers and generic instantiations need none of it, and are the default value.
/// </summary>
internal readonly record struct DecodedType(
    PrimitiveTypeCode? Primitive = null, TypeDefinitionHandle Definition = default, string? Name = null);

/// <summary>
/// TypeReferences as the decoder of System.Reflection.Metadata sees it: every type of this assembly met while a
/// signature or an attribute value is decoded (however deep in an array or a generic argument) is collected.
/// </summary>
internal sealed partial class TypeReferences :
    ISignatureTypeProvider<DecodedType, object?>, ICustomAttributeTypeProvider<DecodedType>
{
    // This assembly's types by their serialized name: Namespace.Outer+Nested.
    private FrozenDictionary<string, TypeDefinitionHandle>? _byName;

    public DecodedType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        Add(handle);
        return new DecodedType(Definition: handle);
    }

    public DecodedType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        new(Name: QualifiedName(handle));

    public DecodedType GetTypeFromSpecification(
        MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public DecodedType GetPrimitiveType(PrimitiveTypeCode typeCode) => new(typeCode);

    // Constructed types: their parts have been decoded, and collected, before these are called.
    public DecodedType GetSZArrayType(DecodedType elementType) => default;

    public DecodedType GetArrayType(DecodedType elementType, ArrayShape shape) => default;

    public DecodedType GetByReferenceType(DecodedType elementType) => default;

    public DecodedType GetPointerType(DecodedType elementType) => default;

    public DecodedType GetPinnedType(DecodedType elementType) => default;

    public DecodedType GetGenericInstantiation(DecodedType genericType, ImmutableArray<DecodedType> typeArguments) => default;

    public DecodedType GetGenericTypeParameter(object? genericContext, int index) => default;

    public DecodedType GetGenericMethodParameter(object? genericContext, int index) => default;

    public DecodedType GetFunctionPointerType(MethodSignature<DecodedType> signature) => default;

    public DecodedType GetModifiedType(DecodedType modifier, DecodedType unmodifiedType, bool isRequired) => unmodifiedType;

    public DecodedType GetSystemType() => new(Name: "System.Type");

    public bool IsSystemType(DecodedType type) =>
        type.Name is "System.Type" || type.Name?.StartsWith("System.Type,", StringComparison.Ordinal) == true;

    // typeof(X) in an attribute: X is stored by its serialized name, and so are the arguments of a generic X.
    public DecodedType GetTypeFromSerializedName(string name)
    {
        _byName ??= reader.TypeDefinitions.ToFrozenDictionary(SerializedName);
        var names = SerializedTypeNames().Matches(name).Select(match => match.Groups[1].Value.Trim()).ToList();
        foreach (var local in names.Where(_byName.ContainsKey))
        {
            Add(_byName[local]);
        }

        return _byName.TryGetValue(names[0], out var handle) ? new DecodedType(Definition: handle) : new DecodedType(Name: name);
    }

    // An enum argument of an attribute is stored as its underlying integer: this assembly's enum says which in its
    // instance field (value__); another assembly's enum is asked of the runtime, by its assembly-qualified name.
    public PrimitiveTypeCode GetUnderlyingEnumType(DecodedType type)
    {
        if (!type.Definition.IsNil)
        {
            var value = reader.GetTypeDefinition(type.Definition).GetFields().Select(reader.GetFieldDefinition)
                .First(field => !field.Attributes.HasFlag(FieldAttributes.Static));
            return value.DecodeSignature(this, null).Primitive
                ?? throw new BadImageFormatException("an enum whose value is not a primitive type");
        }

        var enumType = Type.GetType(type.Name!, throwOnError: true)!;
        return Type.GetTypeCode(Enum.GetUnderlyingType(enumType)) switch
        {
            TypeCode.SByte => PrimitiveTypeCode.SByte,
            TypeCode.Byte => PrimitiveTypeCode.Byte,
            TypeCode.Int16 => PrimitiveTypeCode.Int16,
            TypeCode.UInt16 => PrimitiveTypeCode.UInt16,
            TypeCode.Int32 => PrimitiveTypeCode.Int32,
            TypeCode.UInt32 => PrimitiveTypeCode.UInt32,
            TypeCode.Int64 => PrimitiveTypeCode.Int64,
            TypeCode.UInt64 => PrimitiveTypeCode.UInt64,
            var other => throw new NotSupportedException($"an enum {type.Name} of underlying type {other}"),
        };
    }

    private string SerializedName(TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        return !declaring.IsNil ? SerializedName(declaring) + "+" + name
            : type.Namespace.IsNil ? name
            : reader.GetString(type.Namespace) + "." + name;
    }

    // Namespace.Outer+Nested, AssemblyName: enough for Type.GetType to find a type of the framework.
    private string QualifiedName(TypeReferenceHandle handle)
    {
        var reference = reader.GetTypeReference(handle);
        var name = reader.GetString(reference.Name);
        var scope = reference.ResolutionScope;
        if (scope.Kind == HandleKind.TypeReference)
        {
            var outer = QualifiedName((TypeReferenceHandle)scope);
            var comma = outer.IndexOf(',', StringComparison.Ordinal);
            return comma < 0 ? outer + "+" + name : outer.Insert(comma, "+" + name);
        }

        var fullName = reference.Namespace.IsNil ? name : reader.GetString(reference.Namespace) + "." + name;
        return scope.Kind == HandleKind.AssemblyReference
            ? fullName + ", " + reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
            : fullName;
    }

    // The type names in a serialized name such as "List`1[[MiniTorch.Scalar, MiniTorch, Version=…]]": the text at
    // the start and after each '[' up to the next '[', ']' or ','.
    [GeneratedRegex(@"(?:^|\[)([^\[\],]+)")]
    private static partial Regex SerializedTypeNames();
}
