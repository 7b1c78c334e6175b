// y[i] = alpha * x[i] + y[i] in double precision (VulkanTest.cpp).
// `precise` forbids fusing the multiply-add into an fma, so the result is
// the same rounding as the CPU's separate multiply and add.
#version 450
layout(local_size_x = 256) in;
layout(std430, set = 0, binding = 0) readonly buffer X { double x[]; };
layout(std430, set = 0, binding = 1) buffer Y { double y[]; };
layout(push_constant) uniform Push { double alpha; uint n; } pc;

void main() {
  uint i = gl_GlobalInvocationID.x;
  if (i < pc.n) {
    precise double r = pc.alpha * x[i] + y[i];
    y[i] = r;
  }
}
