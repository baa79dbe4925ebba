#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| dealscope_fuzz::run_target("amounts", data));
