;; The LZMA decoder that unpacks the WASM of a release build (see tools/pack.py and
;; assets/unpack.js). Written as WebAssembly because it runs before anything else on the page:
;; the browser compiles it at once to machine code, where the same decoder in JavaScript runs
;; several times slower until the engine has optimised it.
;;
;; It unpacks as the packed file arrives: `begin`, then `run` with each piece of input. A module
;; that tools/pack.py split into streams is then put back together by `join`.
;; Memory: the probabilities (16-bit, 32 kB) from address 0, then the output, then the packed
;; input, growing as it arrives; `join` writes after the input. What went wrong is returned as
;; a number:
;;   2 a distance reaching before the start of the output
;;   3 a match running past the end of the output
;;   4 the input ends early
;;   5 the stream does not start as an LZMA stream does
;;   6 properties this decoder does not take (lc + lp over 4)
;;   7 the end mark comes before the stated size
;;   8 the streams of a split module do not make a module
;;   9 no memory for the joined module
(module
  (memory (export "memory") 1)

  ;; Where each group of probabilities starts, in entries.
  ;; IS_MATCH 0 (12 states × 16 positions), IS_REP 192, IS_REP_G0 204, IS_REP_G1 216,
  ;; IS_REP_G2 228, IS_REP0_LONG 240 (12 × 16), SLOT 432 (4 × 64), SPECIAL 688 (115),
  ;; ALIGN 803 (16), LENGTH 819 (514), REP_LENGTH 1333 (514), LITERAL 1847 (0x300 each).
  (global $range (mut i32) (i32.const 0))
  (global $code (mut i32) (i32.const 0))
  (global $at (mut i32) (i32.const 0))
  (global $end (mut i32) (i32.const 0))
  (global $short (mut i32) (i32.const 0))
  (global $started (mut i32) (i32.const 0))
  (global $out (mut i32) (i32.const 0))
  (global $pos (mut i32) (i32.const 0))
  (global $limit (mut i32) (i32.const 0))
  (global $state (mut i32) (i32.const 0))
  (global $rep0 (mut i32) (i32.const 0))
  (global $rep1 (mut i32) (i32.const 0))
  (global $rep2 (mut i32) (i32.const 0))
  (global $rep3 (mut i32) (i32.const 0))
  (global $lc (mut i32) (i32.const 0))
  (global $lpMask (mut i32) (i32.const 0))
  (global $pbMask (mut i32) (i32.const 0))

  ;; The next input byte; past the end, 0, and the input is marked short.
  (func $byte (result i32)
    (local $b i32)
    (if (i32.lt_u (global.get $at) (global.get $end))
      (then (local.set $b (i32.load8_u (global.get $at))))
      (else (global.set $short (i32.const 1))))
    (global.set $at (i32.add (global.get $at) (i32.const 1)))
    (local.get $b))

  (func $normalize
    (if (i32.lt_u (global.get $range) (i32.const 0x1000000))
      (then
        (global.set $range (i32.shl (global.get $range) (i32.const 8)))
        (global.set $code
          (i32.or (i32.shl (global.get $code) (i32.const 8)) (call $byte))))))

  ;; One bit under probability `i`, which then learns from it.
  (func $bit (param $i i32) (result i32)
    (local $addr i32) (local $p i32) (local $bound i32) (local $b i32)
    (local.set $addr (i32.shl (local.get $i) (i32.const 1)))
    (local.set $p (i32.load16_u (local.get $addr)))
    (local.set $bound
      (i32.mul (i32.shr_u (global.get $range) (i32.const 11)) (local.get $p)))
    (if (i32.lt_u (global.get $code) (local.get $bound))
      (then
        (global.set $range (local.get $bound))
        (i32.store16 (local.get $addr)
          (i32.add (local.get $p)
            (i32.shr_u (i32.sub (i32.const 2048) (local.get $p)) (i32.const 5)))))
      (else
        (global.set $range (i32.sub (global.get $range) (local.get $bound)))
        (global.set $code (i32.sub (global.get $code) (local.get $bound)))
        (i32.store16 (local.get $addr)
          (i32.sub (local.get $p) (i32.shr_u (local.get $p) (i32.const 5))))
        (local.set $b (i32.const 1))))
    (call $normalize)
    (local.get $b))

  ;; `count` bits, most significant first, from the tree of probabilities at `base`.
  (func $tree (param $base i32) (param $count i32) (result i32)
    (local $m i32) (local $i i32)
    (local.set $m (i32.const 1))
    (loop $next
      (local.set $m
        (i32.or (i32.shl (local.get $m) (i32.const 1))
          (call $bit (i32.add (local.get $base) (local.get $m)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $count))))
    (i32.sub (local.get $m) (i32.shl (i32.const 1) (local.get $count))))

  ;; The same, least significant bit first.
  (func $reverse (param $base i32) (param $count i32) (result i32)
    (local $m i32) (local $i i32) (local $b i32) (local $value i32)
    (local.set $m (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $b (call $bit (i32.add (local.get $base) (local.get $m))))
        (local.set $m (i32.or (i32.shl (local.get $m) (i32.const 1)) (local.get $b)))
        (local.set $value
          (i32.or (local.get $value) (i32.shl (local.get $b) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $value))

  ;; `count` bits of even probability.
  (func $direct (param $count i32) (result i32)
    (local $value i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $count)))
        (global.set $range (i32.shr_u (global.get $range) (i32.const 1)))
        (local.set $value (i32.shl (local.get $value) (i32.const 1)))
        (if (i32.ge_u (global.get $code) (global.get $range))
          (then
            (global.set $code (i32.sub (global.get $code) (global.get $range)))
            (local.set $value (i32.or (local.get $value) (i32.const 1)))))
        (call $normalize)
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $next)))
    (local.get $value))

  ;; A match length less 2, from the length coder at `base`.
  (func $length (param $base i32) (param $posState i32) (result i32)
    (if (i32.eqz (call $bit (local.get $base)))
      (then
        (return (call $tree
          (i32.add (i32.add (local.get $base) (i32.const 2))
            (i32.shl (local.get $posState) (i32.const 3)))
          (i32.const 3)))))
    (if (i32.eqz (call $bit (i32.add (local.get $base) (i32.const 1))))
      (then
        (return (i32.add (i32.const 8)
          (call $tree
            (i32.add (i32.add (local.get $base) (i32.const 130))
              (i32.shl (local.get $posState) (i32.const 3)))
            (i32.const 3))))))
    (i32.add (i32.const 16)
      (call $tree (i32.add (local.get $base) (i32.const 258)) (i32.const 8))))

  ;; A match distance less 1, for a match of length `len` + 2; -1 is the end mark.
  (func $distance (param $len i32) (result i32)
    (local $slot i32) (local $count i32) (local $start i32)
    (local.set $slot
      (call $tree
        (i32.add (i32.const 432)
          (i32.shl
            (select (local.get $len) (i32.const 3) (i32.lt_u (local.get $len) (i32.const 3)))
            (i32.const 6)))
        (i32.const 6)))
    (if (i32.lt_u (local.get $slot) (i32.const 4)) (then (return (local.get $slot))))
    (local.set $count (i32.sub (i32.shr_u (local.get $slot) (i32.const 1)) (i32.const 1)))
    (local.set $start
      (i32.shl (i32.or (i32.const 2) (i32.and (local.get $slot) (i32.const 1)))
        (local.get $count)))
    (if (i32.lt_u (local.get $slot) (i32.const 14))
      (then
        (return (i32.add (local.get $start)
          (call $reverse
            (i32.sub (i32.add (i32.const 688) (local.get $start)) (local.get $slot))
            (local.get $count))))))
    (i32.add
      (i32.add (local.get $start)
        (i32.shl (call $direct (i32.sub (local.get $count) (i32.const 4))) (i32.const 4)))
      (call $reverse (i32.const 803) (i32.const 4))))

  ;; The byte `rep0` + 1 back from the output position, or -1 when that is before the start.
  (func $back (result i32)
    (if (i32.ge_u (global.get $rep0) (i32.sub (global.get $pos) (global.get $out)))
      (then (return (i32.const -1))))
    (i32.load8_u (i32.sub (i32.sub (global.get $pos) (global.get $rep0)) (i32.const 1))))

  ;; One literal.
  (func $literal (result i32)
    (local $base i32) (local $symbol i32) (local $match i32) (local $matchBit i32)
    (local $b i32) (local $previous i32)
    (if (i32.gt_u (global.get $pos) (global.get $out))
      (then
        (local.set $previous
          (i32.load8_u (i32.sub (global.get $pos) (i32.const 1))))))
    (local.set $base
      (i32.add (i32.const 1847)
        (i32.mul (i32.const 0x300)
          (i32.add
            (i32.shl
              (i32.and (i32.sub (global.get $pos) (global.get $out)) (global.get $lpMask))
              (global.get $lc))
            (i32.shr_u (local.get $previous) (i32.sub (i32.const 8) (global.get $lc)))))))
    (local.set $symbol (i32.const 1))
    (if (i32.ge_u (global.get $state) (i32.const 7))
      (then
        (local.set $match (call $back))
        (if (i32.lt_s (local.get $match) (i32.const 0)) (then (return (i32.const 2))))
        (block $done
          (loop $next
            (local.set $matchBit (i32.and (i32.shr_u (local.get $match) (i32.const 7)) (i32.const 1)))
            (local.set $match (i32.shl (local.get $match) (i32.const 1)))
            (local.set $b
              (call $bit
                (i32.add (local.get $base)
                  (i32.add
                    (i32.shl (i32.add (i32.const 1) (local.get $matchBit)) (i32.const 8))
                    (local.get $symbol)))))
            (local.set $symbol (i32.or (i32.shl (local.get $symbol) (i32.const 1)) (local.get $b)))
            (br_if $done (i32.ne (local.get $matchBit) (local.get $b)))
            (br_if $next (i32.lt_u (local.get $symbol) (i32.const 0x100)))))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $symbol) (i32.const 0x100)))
        (local.set $symbol
          (i32.or (i32.shl (local.get $symbol) (i32.const 1))
            (call $bit (i32.add (local.get $base) (local.get $symbol)))))
        (br $next)))
    (i32.store8 (global.get $pos) (local.get $symbol))
    (global.set $pos (i32.add (global.get $pos) (i32.const 1)))
    (global.set $state
      (select (i32.const 0)
        (select
          (i32.sub (global.get $state) (i32.const 3))
          (i32.sub (global.get $state) (i32.const 6))
          (i32.lt_u (global.get $state) (i32.const 10)))
        (i32.lt_u (global.get $state) (i32.const 4))))
    (i32.const 0))

  ;; One literal or match: 0 to go on, 1 at the end mark, else what went wrong.
  (func $step (result i32)
    (local $posState i32) (local $len i32) (local $dist i32) (local $byte i32) (local $from i32)
    (local.set $posState
      (i32.and (i32.sub (global.get $pos) (global.get $out)) (global.get $pbMask)))
    (if (i32.eqz
          (call $bit
            (i32.add (i32.shl (global.get $state) (i32.const 4)) (local.get $posState))))
      (then (return (call $literal))))
    (if (call $bit (i32.add (i32.const 192) (global.get $state)))
      (then
        (if (i32.eq (global.get $pos) (global.get $out)) (then (return (i32.const 2))))
        (if (i32.eqz (call $bit (i32.add (i32.const 204) (global.get $state))))
          (then
            (if (i32.eqz
                  (call $bit
                    (i32.add (i32.const 240)
                      (i32.add (i32.shl (global.get $state) (i32.const 4))
                        (local.get $posState)))))
              (then
                ;; A single byte from the last distance.
                (local.set $byte (call $back))
                (if (i32.lt_s (local.get $byte) (i32.const 0)) (then (return (i32.const 2))))
                (global.set $state
                  (select (i32.const 9) (i32.const 11)
                    (i32.lt_u (global.get $state) (i32.const 7))))
                (i32.store8 (global.get $pos) (local.get $byte))
                (global.set $pos (i32.add (global.get $pos) (i32.const 1)))
                (return (i32.const 0)))))
          (else
            (if (i32.eqz (call $bit (i32.add (i32.const 216) (global.get $state))))
              (then (local.set $dist (global.get $rep1)))
              (else
                (if (i32.eqz (call $bit (i32.add (i32.const 228) (global.get $state))))
                  (then (local.set $dist (global.get $rep2)))
                  (else
                    (local.set $dist (global.get $rep3))
                    (global.set $rep3 (global.get $rep2))))
                (global.set $rep2 (global.get $rep1))))
            (global.set $rep1 (global.get $rep0))
            (global.set $rep0 (local.get $dist))))
        (local.set $len (call $length (i32.const 1333) (local.get $posState)))
        (global.set $state
          (select (i32.const 8) (i32.const 11) (i32.lt_u (global.get $state) (i32.const 7)))))
      (else
        (global.set $rep3 (global.get $rep2))
        (global.set $rep2 (global.get $rep1))
        (global.set $rep1 (global.get $rep0))
        (local.set $len (call $length (i32.const 819) (local.get $posState)))
        (global.set $state
          (select (i32.const 7) (i32.const 10) (i32.lt_u (global.get $state) (i32.const 7))))
        (global.set $rep0 (call $distance (local.get $len)))
        (if (i32.eq (global.get $rep0) (i32.const -1)) (then (return (i32.const 1))))))
    (local.set $len (i32.add (local.get $len) (i32.const 2)))
    (if (i32.ge_u (global.get $rep0) (i32.sub (global.get $pos) (global.get $out)))
      (then (return (i32.const 2))))
    (if (i32.gt_u (local.get $len) (i32.sub (global.get $limit) (global.get $pos)))
      (then (return (i32.const 3))))
    (local.set $from
      (i32.sub (i32.sub (global.get $pos) (global.get $rep0)) (i32.const 1)))
    (loop $copy
      (i32.store8 (global.get $pos) (i32.load8_u (local.get $from)))
      (global.set $pos (i32.add (global.get $pos) (i32.const 1)))
      (local.set $from (i32.add (local.get $from) (i32.const 1)))
      (local.set $len (i32.sub (local.get $len) (i32.const 1)))
      (br_if $copy (local.get $len)))
    (i32.const 0))

  ;; Starts unpacking `size` bytes to `output`, with the LZMA properties byte `props`, from a
  ;; stream that will arrive from `input` on: 0, or 6 for settings this decoder does not take.
  (func (export "begin")
    (param $output i32) (param $size i32) (param $props i32) (param $input i32) (result i32)
    (local $lp i32) (local $i i32) (local $count i32)
    (if (i32.ge_u (local.get $props) (i32.const 225)) (then (return (i32.const 6))))
    (global.set $lc (i32.rem_u (local.get $props) (i32.const 9)))
    (local.set $lp (i32.rem_u (i32.div_u (local.get $props) (i32.const 9)) (i32.const 5)))
    (if (i32.gt_u (i32.add (global.get $lc) (local.get $lp)) (i32.const 4))
      (then (return (i32.const 6))))
    (global.set $lpMask (i32.sub (i32.shl (i32.const 1) (local.get $lp)) (i32.const 1)))
    (global.set $pbMask
      (i32.sub
        (i32.shl (i32.const 1) (i32.div_u (local.get $props) (i32.const 45)))
        (i32.const 1)))
    (local.set $count
      (i32.add (i32.const 1847)
        (i32.shl (i32.const 0x300) (i32.add (global.get $lc) (local.get $lp)))))
    (loop $fill
      (i32.store16 (i32.shl (local.get $i) (i32.const 1)) (i32.const 1024))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $fill (i32.lt_u (local.get $i) (local.get $count))))
    (global.set $at (local.get $input))
    (global.set $end (local.get $input))
    (global.set $short (i32.const 0))
    (global.set $started (i32.const 0))
    (global.set $out (local.get $output))
    (global.set $pos (local.get $output))
    (global.set $limit (i32.add (local.get $output) (local.get $size)))
    (global.set $state (i32.const 0))
    (global.set $rep0 (i32.const 0))
    (global.set $rep1 (i32.const 0))
    (global.set $rep2 (i32.const 0))
    (global.set $rep3 (i32.const 0))
    (i32.const 0))

  ;; Unpacks what the stream up to `end` allows: all of it when `final` is set, else up to the
  ;; symbol that might need bytes not yet there (one symbol reads at most 48 bytes). Returns 0
  ;; to be called again with more, 1 when the output is whole, else what went wrong.
  (func (export "run") (param $end i32) (param $final i32) (result i32)
    (local $i i32) (local $result i32)
    (global.set $end (local.get $end))
    (if (i32.eqz (global.get $started))
      (then
        (if (i32.and (i32.eqz (local.get $final))
              (i32.lt_u (i32.sub (global.get $end) (global.get $at)) (i32.const 5)))
          (then (return (i32.const 0))))
        (global.set $range (i32.const -1))
        (global.set $code (i32.const 0))
        (if (call $byte) (then (return (i32.const 5))))
        (local.set $i (i32.const 4))
        (loop $first
          (global.set $code (i32.or (i32.shl (global.get $code) (i32.const 8)) (call $byte)))
          (local.set $i (i32.sub (local.get $i) (i32.const 1)))
          (br_if $first (local.get $i)))
        (if (global.get $short) (then (return (i32.const 4))))
        (if (i32.eq (global.get $code) (i32.const -1)) (then (return (i32.const 5))))
        (global.set $started (i32.const 1))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (global.get $pos) (global.get $limit)))
        (if (i32.and (i32.eqz (local.get $final))
              (i32.lt_u (i32.sub (global.get $end) (global.get $at)) (i32.const 64)))
          (then (return (i32.const 0))))
        (local.set $result (call $step))
        (br_if $done (local.get $result))
        (br $next)))
    (if (global.get $short) (then (return (i32.const 4))))
    (if (i32.eq (local.get $result) (i32.const 1))
      (then (if (i32.ne (global.get $pos) (global.get $limit)) (then (return (i32.const 7))))))
    (if (i32.gt_u (local.get $result) (i32.const 1)) (then (return (local.get $result))))
    (i32.const 1))

  ;; How many bytes are unpacked so far.
  (func (export "produced") (result i32)
    (i32.sub (global.get $pos) (global.get $out)))

  ;; Joining a split module (see `split` in tools/pack.py). While it runs, the probabilities'
  ;; place holds, for each stream, where its next byte is (at 8 × stream) and where it ends (at
  ;; 8 × stream + 4). Streams, in the order of STREAMS in tools/pack.py: 0 call types,
  ;; 1 locals named, 2 i32 constants, 3 memory offsets, 4 functions, 5 i64 constants, 6 block
  ;; types, 7 floating-point constants, 8 locals declared, 9 globals, 10 other indexes and
  ;; types, 11 branch labels, 12 opcodes.
  (global $o (mut i32) (i32.const 0))
  (global $oEnd (mut i32) (i32.const 0))
  (global $bad (mut i32) (i32.const 0))

  ;; The next byte of stream `s`, copied to the output; once anything is amiss, 0.
  (func $get (param $s i32) (result i32)
    (local $at i32) (local $b i32)
    (local.set $s (i32.shl (local.get $s) (i32.const 3)))
    (local.set $at (i32.load (local.get $s)))
    (if (i32.or (i32.ge_u (local.get $at) (i32.load offset=4 (local.get $s)))
          (i32.ge_u (global.get $o) (global.get $oEnd)))
      (then (global.set $bad (i32.const 1)) (return (i32.const 0))))
    (local.set $b (i32.load8_u (local.get $at)))
    (i32.store (local.get $s) (i32.add (local.get $at) (i32.const 1)))
    (i32.store8 (global.get $o) (local.get $b))
    (global.set $o (i32.add (global.get $o) (i32.const 1)))
    (local.get $b))

  ;; A LEB128 number of stream `s`, copied; returns its value (of its first 32 bits).
  (func $leb (param $s i32) (result i32)
    (local $at i32) (local $end i32) (local $b i32) (local $shift i32) (local $value i32)
    (local.set $s (i32.shl (local.get $s) (i32.const 3)))
    (local.set $at (i32.load (local.get $s)))
    (local.set $end (i32.load offset=4 (local.get $s)))
    (loop $more
      (if (i32.or (i32.ge_u (local.get $at) (local.get $end))
            (i32.or (i32.ge_u (global.get $o) (global.get $oEnd))
              (i32.gt_u (local.get $shift) (i32.const 63))))
        (then (global.set $bad (i32.const 1)) (return (i32.const 0))))
      (local.set $b (i32.load8_u (local.get $at)))
      (local.set $at (i32.add (local.get $at) (i32.const 1)))
      (i32.store8 (global.get $o) (local.get $b))
      (global.set $o (i32.add (global.get $o) (i32.const 1)))
      (local.set $value
        (i32.or (local.get $value)
          (i32.shl (i32.and (local.get $b) (i32.const 0x7f)) (local.get $shift))))
      (local.set $shift (i32.add (local.get $shift) (i32.const 7)))
      (br_if $more (i32.ge_u (local.get $b) (i32.const 0x80))))
    (i32.store (local.get $s) (local.get $at))
    (local.get $value))

  ;; `n` numbers of stream `s`, copied.
  (func $lebs (param $s i32) (param $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.or (i32.eqz (local.get $n)) (global.get $bad)))
        (drop (call $leb (local.get $s)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next))))

  ;; The immediates after opcode `op`, copied. Returns the change in block depth.
  (func $operands (param $op i32) (result i32)
    (local $sub i32)
    (if (i32.le_u (i32.sub (local.get $op) (i32.const 0x02)) (i32.const 2))
      (then (drop (call $leb (i32.const 6))) (return (i32.const 1))))
    (if (i32.eq (local.get $op) (i32.const 0x0b)) (then (return (i32.const -1))))
    (if (i32.le_u (i32.sub (local.get $op) (i32.const 0x0c)) (i32.const 1))
      (then (call $lebs (i32.const 11) (i32.const 1)) (return (i32.const 0))))
    (if (i32.eq (local.get $op) (i32.const 0x0e))
      (then
        (call $lebs (i32.const 11) (call $leb (i32.const 11)))
        (call $lebs (i32.const 11) (i32.const 1))
        (return (i32.const 0))))
    (if (i32.or (i32.eq (local.get $op) (i32.const 0x10)) (i32.eq (local.get $op) (i32.const 0xd2)))
      (then (call $lebs (i32.const 4) (i32.const 1)) (return (i32.const 0))))
    (if (i32.eq (local.get $op) (i32.const 0x11))
      (then (call $lebs (i32.const 0) (i32.const 2)) (return (i32.const 0))))
    (if (i32.eq (local.get $op) (i32.const 0x1c))
      (then (call $lebs (i32.const 10) (call $leb (i32.const 10))) (return (i32.const 0))))
    (if (i32.le_u (i32.sub (local.get $op) (i32.const 0x20)) (i32.const 2))
      (then (call $lebs (i32.const 1) (i32.const 1)) (return (i32.const 0))))
    (if (i32.le_u (i32.sub (local.get $op) (i32.const 0x23)) (i32.const 1))
      (then (call $lebs (i32.const 9) (i32.const 1)) (return (i32.const 0))))
    (if (i32.or
          (i32.or (i32.le_u (i32.sub (local.get $op) (i32.const 0x25)) (i32.const 1))
            (i32.le_u (i32.sub (local.get $op) (i32.const 0x3f)) (i32.const 1)))
          (i32.eq (local.get $op) (i32.const 0xd0)))
      (then (call $lebs (i32.const 10) (i32.const 1)) (return (i32.const 0))))
    (if (i32.le_u (i32.sub (local.get $op) (i32.const 0x28)) (i32.const 0x16))
      (then
        (call $lebs (i32.const 12) (i32.const 1))
        (call $lebs (i32.const 3) (i32.const 1))
        (return (i32.const 0))))
    (if (i32.eq (local.get $op) (i32.const 0x41))
      (then (call $lebs (i32.const 2) (i32.const 1)) (return (i32.const 0))))
    (if (i32.eq (local.get $op) (i32.const 0x42))
      (then (call $lebs (i32.const 5) (i32.const 1)) (return (i32.const 0))))
    (if (i32.le_u (i32.sub (local.get $op) (i32.const 0x43)) (i32.const 1))
      (then
        ;; f32: 4 bytes, f64: 8.
        (local.set $sub (i32.shl (i32.const 4) (i32.sub (local.get $op) (i32.const 0x43))))
        (loop $byte
          (drop (call $get (i32.const 7)))
          (local.set $sub (i32.sub (local.get $sub) (i32.const 1)))
          (br_if $byte (local.get $sub)))
        (return (i32.const 0))))
    (if (i32.eq (local.get $op) (i32.const 0xfc))
      (then
        ;; The second opcode; 8–14 take two indexes or one by turns, 15–17 one.
        (local.set $sub (call $leb (i32.const 12)))
        (if (i32.lt_u (i32.sub (local.get $sub) (i32.const 8)) (i32.const 7))
          (then
            (call $lebs (i32.const 10)
              (i32.sub (i32.const 2) (i32.and (local.get $sub) (i32.const 1))))))
        (if (i32.lt_u (i32.sub (local.get $sub) (i32.const 15)) (i32.const 3))
          (then (call $lebs (i32.const 10) (i32.const 1))))))
    (i32.const 0))

  ;; Puts the split module of `size` bytes at `src` back together at `dst`, growing the memory
  ;; as it needs: 0, 8 for streams that do not make a module, 9 when memory cannot grow.
  (func (export "join") (param $src i32) (param $size i32) (param $dst i32) (result i32)
    (local $total i32) (local $count i32) (local $at i32) (local $end i32) (local $i i32)
    (local $n i32) (local $start i32) (local $depth i32) (local $len i32) (local $pages i32)
    (if (i32.lt_u (local.get $size) (i32.const 64)) (then (return (i32.const 8))))
    (local.set $end (i32.add (local.get $src) (local.get $size)))
    (local.set $total (i32.load (local.get $src)))
    (local.set $count (i32.load offset=4 (local.get $src)))
    ;; Where each stream begins and ends; the first is after the part before the code.
    (local.set $at (i32.add (local.get $src) (i32.const 64)))
    (local.set $n (i32.load offset=8 (local.get $src)))
    (local.set $start (local.get $at))
    (loop $stream
      (if (i32.gt_u (local.get $n) (i32.sub (local.get $end) (local.get $at)))
        (then (return (i32.const 8))))
      (local.set $at (i32.add (local.get $at) (local.get $n)))
      (if (local.get $i)
        (then
          (i32.store (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 3))
            (i32.sub (local.get $at) (local.get $n)))
          (i32.store offset=4 (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 3))
            (local.get $at))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (if (i32.lt_u (local.get $i) (i32.const 14))
        (then
          (local.set $n
            (i32.load offset=8 (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 2)))))
          (br $stream))))
    ;; Room for the module, and 5 bytes for the size of a function's code ahead of it.
    (if (i32.gt_u (local.get $total) (i32.sub (i32.const 0x7ffffff0) (local.get $dst)))
      (then (return (i32.const 9))))
    (global.set $oEnd (i32.add (i32.add (local.get $dst) (local.get $total)) (i32.const 5)))
    (local.set $pages
      (i32.sub
        (i32.shr_u (i32.add (global.get $oEnd) (i32.const 0xffff)) (i32.const 16))
        (memory.size)))
    (if (i32.gt_s (local.get $pages) (i32.const 0))
      (then
        (if (i32.lt_s (memory.grow (local.get $pages)) (i32.const 0))
          (then (return (i32.const 9))))))
    (global.set $bad (i32.const 0))
    ;; What comes before the code, within the room for the module.
    (local.set $n (i32.load offset=8 (local.get $src)))
    (if (i32.gt_u (local.get $n) (local.get $total)) (then (return (i32.const 8))))
    (memory.copy (local.get $dst) (local.get $start) (local.get $n))
    (global.set $o (i32.add (local.get $dst) (local.get $n)))
    ;; Each function: its code after 5 bytes kept free, then its size written in front of it.
    (block $functions
      (loop $function
        (br_if $functions (i32.eqz (local.get $count)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (local.set $start (global.get $o))
        (global.set $o (i32.add (local.get $start) (i32.const 5)))
        (if (i32.gt_u (global.get $o) (global.get $oEnd)) (then (return (i32.const 8))))
        ;; The declarations of locals: their number, then a count and a type for each.
        (call $lebs (i32.const 8) (i32.shl (call $leb (i32.const 8)) (i32.const 1)))
        (local.set $depth (i32.const 0))
        (block $body
          (loop $op
            (br_if $body (global.get $bad))
            (local.set $depth
              (i32.add (local.get $depth) (call $operands (call $get (i32.const 12)))))
            (br_if $op (i32.ge_s (local.get $depth) (i32.const 0)))))
        (if (global.get $bad) (then (return (i32.const 8))))
        (local.set $len (i32.sub (global.get $o) (i32.add (local.get $start) (i32.const 5))))
        (local.set $i (local.get $start))
        (local.set $n (local.get $len))
        (loop $size
          (i32.store8 (local.get $i)
            (i32.or (i32.and (local.get $n) (i32.const 0x7f))
              (select (i32.const 0x80) (i32.const 0) (i32.gt_u (local.get $n) (i32.const 0x7f)))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (local.set $n (i32.shr_u (local.get $n) (i32.const 7)))
          (br_if $size (local.get $n)))
        (memory.copy (local.get $i) (i32.add (local.get $start) (i32.const 5)) (local.get $len))
        (global.set $o (i32.add (local.get $i) (local.get $len)))
        (br $function)))
    ;; Every stream used up, then what comes after the code, to the stated size.
    (local.set $i (i32.const 0))
    (loop $check
      (if (i32.ne (i32.load (local.get $i)) (i32.load offset=4 (local.get $i)))
        (then (return (i32.const 8))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br_if $check (i32.lt_u (local.get $i) (i32.const 104))))
    (local.set $at (i32.load offset=100 (i32.const 0)))
    (local.set $n (i32.sub (local.get $end) (local.get $at)))
    (if (i32.ne (local.get $n)
          (i32.sub (i32.add (local.get $dst) (local.get $total)) (global.get $o)))
      (then (return (i32.const 8))))
    (memory.copy (global.get $o) (local.get $at) (local.get $n))
    (i32.const 0))
)
