// x[i] = x[i] * s + t in place (VulkanTest.cpp): chains of dependent
// dispatches on one buffer check the barriers between them.
#version 450
layout(local_size_x = 256) in;
layout(std430, set = 0, binding = 0) buffer X { float x[]; };
layout(push_constant) uniform Push { float s; float t; uint n; } pc;

void main() {
  uint i = gl_GlobalInvocationID.x;
  if (i < pc.n) {
    precise float r = x[i] * pc.s + pc.t;
    x[i] = r;
  }
}
