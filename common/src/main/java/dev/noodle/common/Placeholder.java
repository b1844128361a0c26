package dev.noodle.common; final class Placeholder {}
