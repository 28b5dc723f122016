using System.Collections.Frozen;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace MiniTorch.Tests;

/// <summary>
/// A type of the assembly that some code refers to, and where: the offset of the IL instruction in a method body, or −1
/// for a declaration (a signature, a base type, an attribute, a local's type).
/// </summary>
internal readonly record struct TypeUse(TypeDefinitionHandle Type, int ILOffset);

/// <summary>
/// Finds the types of one assembly that its compiled metadata refers to: in a type's declarations and in each of its
/// methods, including every type, method and field token of the IL. Only the assembly's own types are collected
/// (TypeDefinitionHandles); a type of another assembly (a TypeReferenceHandle) is passed over. The decoding of
/// signatures and attribute values is in TypeReferences.Decoding.cs.
/// </summary>
internal sealed partial class TypeReferences(PEReader pe, MetadataReader reader)
{
    // The operand of every IL opcode, keyed by its value: one byte, or 0xFE and a second byte.
    private static readonly FrozenDictionary<int, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToFrozenDictionary(opCode => opCode.Value & 0xFFFF, opCode => opCode.OperandType);

    private readonly List<TypeUse> _found = [];

    // The IL offset that the references found now are charged to; −1 outside a method's instructions.
    private int _offset = -1;

    /// <summary>The types that a type's own declarations use: its base type, interfaces, generic constraints,
    /// attributes, explicit interface implementations, and the types of its fields, properties and events.</summary>
    public IReadOnlyList<TypeUse> InDeclarations(TypeDefinitionHandle handle)
    {
        _found.Clear();
        var type = reader.GetTypeDefinition(handle);
        AddEntity(type.BaseType);
        foreach (var implementation in type.GetInterfaceImplementations().Select(reader.GetInterfaceImplementation))
        {
            AddEntity(implementation.Interface);
            AddAttributes(implementation.GetCustomAttributes());
        }

        AddGenericParameters(type.GetGenericParameters());
        AddAttributes(type.GetCustomAttributes());
        foreach (var field in type.GetFields().Select(reader.GetFieldDefinition))
        {
            field.DecodeSignature(this, null);
            AddAttributes(field.GetCustomAttributes());
        }

        foreach (var property in type.GetProperties().Select(reader.GetPropertyDefinition))
        {
            property.DecodeSignature(this, null);
            AddAttributes(property.GetCustomAttributes());
        }

        foreach (var @event in type.GetEvents().Select(reader.GetEventDefinition))
        {
            AddEntity(@event.Type);
            AddAttributes(@event.GetCustomAttributes());
        }

        foreach (var implementation in type.GetMethodImplementations().Select(reader.GetMethodImplementation))
        {
            AddEntity(implementation.MethodDeclaration);
        }

        return [.. _found];
    }

    /// <summary>The types that a method uses: its signature, attributes (its own and its parameters'), generic
    /// constraints, and in its body the types of its locals, its catch clauses and every token of its IL.</summary>
    public IReadOnlyList<TypeUse> InMethod(MethodDefinitionHandle handle)
    {
        _found.Clear();
        var method = reader.GetMethodDefinition(handle);
        method.DecodeSignature(this, null);
        AddAttributes(method.GetCustomAttributes());
        foreach (var parameter in method.GetParameters().Select(reader.GetParameter))
        {
            AddAttributes(parameter.GetCustomAttributes());
        }

        AddGenericParameters(method.GetGenericParameters());
        if (method.RelativeVirtualAddress != 0)
        {
            AddBody(pe.GetMethodBody(method.RelativeVirtualAddress));
        }

        return [.. _found];
    }

    /// <summary>Each instruction of a method body: its IL offset, and the metadata token that it names (a type, a
    /// method, a field or a signature), or 0.</summary>
    public static IEnumerable<(int Offset, int Token)> Instructions(MethodBodyBlock body)
    {
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            var offset = il.Offset;
            int code = il.ReadByte();
            if (code == 0xFE)
            {
                code = 0xFE00 | il.ReadByte();
            }

            var token = 0;
            switch (Operands[code])
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineSig
                    or OperandType.InlineTok or OperandType.InlineType:
                    token = il.ReadInt32();
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32(); // apart: `il.Offset += 4 * il.ReadInt32()` would take the offset before the count
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                default: // a branch target, an int32, a float32 or a string token
                    il.Offset += 4;
                    break;
            }

            yield return (offset, token);
        }
    }

    private void AddBody(MethodBodyBlock body)
    {
        if (!body.LocalSignature.IsNil)
        {
            reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null);
        }

        foreach (var region in body.ExceptionRegions)
        {
            _offset = region.HandlerOffset;
            AddEntity(region.CatchType);
        }

        foreach (var (offset, token) in Instructions(body).Where(instruction => instruction.Token != 0))
        {
            _offset = offset;
            AddEntity(MetadataTokens.EntityHandle(token));
        }

        _offset = -1;
    }

    // A token of the IL or of the metadata tables. A method or field of this assembly counts as a use of its declaring
    // type; a member of another assembly's type is a member reference, whose parent and signature may still name ours
    // (List<Scalar>.Add). TypeReference and ModuleReference handles name other assemblies and native libraries.
    private void AddEntity(EntityHandle handle)
    {
        if (handle.IsNil)
        {
            return;
        }

        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                Add((TypeDefinitionHandle)handle);
                break;
            case HandleKind.TypeSpecification:
                reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                break;
            case HandleKind.MethodDefinition:
                Add(reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                break;
            case HandleKind.FieldDefinition:
                Add(reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                break;
            case HandleKind.MemberReference:
                var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                AddEntity(member.Parent);
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    member.DecodeMethodSignature(this, null);
                }
                else
                {
                    member.DecodeFieldSignature(this, null);
                }

                break;
            case HandleKind.MethodSpecification:
                var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                AddEntity(specification.Method);
                specification.DecodeSignature(this, null);
                break;
            case HandleKind.StandaloneSignature:
                var signature = reader.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                if (signature.GetKind() == StandaloneSignatureKind.Method)
                {
                    signature.DecodeMethodSignature(this, null);
                }
                else
                {
                    signature.DecodeLocalSignature(this, null);
                }

                break;
        }
    }

    private void AddGenericParameters(GenericParameterHandleCollection parameters)
    {
        foreach (var parameter in parameters.Select(reader.GetGenericParameter))
        {
            AddAttributes(parameter.GetCustomAttributes());
            foreach (var constraint in parameter.GetConstraints().Select(reader.GetGenericParameterConstraint))
            {
                AddEntity(constraint.Type);
                AddAttributes(constraint.GetCustomAttributes());
            }
        }
    }

    // An attribute uses its own type (through its constructor) and any type given to it as an argument: typeof(X)
    // is stored by name in the attribute's value, which decoding passes to GetTypeFromSerializedName.
    private void AddAttributes(CustomAttributeHandleCollection attributes)
    {
        foreach (var attribute in attributes.Select(reader.GetCustomAttribute))
        {
            AddEntity(attribute.Constructor);
            attribute.DecodeValue(this);
        }
    }

    private void Add(TypeDefinitionHandle type) => _found.Add(new TypeUse(type, _offset));
}
