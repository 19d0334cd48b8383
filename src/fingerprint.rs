//! A short, stable name for a run of bytes: what tells a changed file from an unchanged one (the
//! cache's entries and the files they were computed from) and names the reference data a result
//! was computed with. It sits in the ground layer because both the reference data and the cache
//! need it, and neither should depend on the other.

/// A 128-bit hash of `bytes`, as 32 hex digits. Not cryptographic: it tells changed files
/// from unchanged ones, which is all a local cache needs. Two independent 64-bit lanes over
/// 8-byte words, each finished with the SplitMix64 mixer.
pub fn hash(bytes: &[u8]) -> String {
    const K1: u64 = 0x9E37_79B9_7F4A_7C15;
    const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;
    let mut a: u64 = 0x243F_6A88_85A3_08D3 ^ bytes.len() as u64;
    let mut b: u64 = 0x1319_8A2E_0370_7344 ^ (bytes.len() as u64).rotate_left(32);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        a = (a ^ w).wrapping_mul(K1).rotate_left(31);
        b = (b ^ w.rotate_left(17)).wrapping_mul(K2).rotate_left(29);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    let w = u64::from_le_bytes(tail) ^ 0x80;
    a = (a ^ w).wrapping_mul(K1);
    b = (b ^ w.rotate_left(17)).wrapping_mul(K2);
    format!("{:016x}{:016x}", mix(a ^ b.rotate_left(13)), mix(b ^ a))
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_sees_every_byte_and_the_length() {
        let base = hash(b"indicators:\n  - id: a\n");
        assert_eq!(base, hash(b"indicators:\n  - id: a\n"));
        assert_eq!(base.len(), 32);
        assert_ne!(base, hash(b"indicators:\n  - id: b\n"));
        assert_ne!(hash(b""), hash(b"\0"));
        assert_ne!(hash(b"12345678"), hash(b"123456780"));
        // Stable across builds: entries written by one build are read by the next.
        assert_eq!(
            hash("Kế hoạch".as_bytes()),
            "ee9082f1780af2d04629bc6fcd61a575"
        );
    }
}
